using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Claims;

/// <summary>
/// Pays a window claim's reimbursement (the basic fund's and the payers' the county advances) to the resident (现金 or 银行转账): the amount owed to residents is cleared
/// against the fund's bank account in the ledger, in the same save as the claim's new status. Two windows paying
/// the same claim at once: the claim's version lets one of them through.
/// </summary>
internal sealed class ClaimPayment(CooperativeDbContext db, FundLedger ledger, ICurrentActor actor, TimeProvider clock)
{
    public async Task<Refusal?> PayAsync(Claim claim, PaymentMethod method, string? account, CancellationToken ct)
    {
        if (claim.Channel != ClaimChannel.Window) return claim.WrongState("即时结报的报销单由月度结算支付给医疗机构");
        if (ClaimStatusTransitions.Problem(claim.Status, ClaimStatus.Paid) is { } problem) return claim.WrongState(problem);
        if (claim.Payout <= 0) return claim.WrongState("补偿金额为零的报销单无需支付");
        return await ClaimRaces.GuardAsync(async () =>
        {
            // In a transaction: the bank's row is locked by the posting's funds check until the payment commits.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var posted = await ledger.PostAsync(new JournalDraft(clock.Today(), $"支付报销单 {claim.Number} 补偿款", "claim-payment", claim.Number,
                [JournalLineDraft.Dr(ChartOfAccounts.PayableToResidents, claim.Payout), JournalLineDraft.Cr(ChartOfAccounts.Bank, claim.Payout)]), ct);
            if (!posted.Succeeded) return posted.ToRefusal();
            if (claim.RecordPayment(method, account?.Trim(), posted.Entry!.Id, clock.GetUtcNow().UtcDateTime, actor.Current.Name) is { } refused)
                return refused;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        });
    }
}
