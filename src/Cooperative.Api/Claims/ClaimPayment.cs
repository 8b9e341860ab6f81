using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Claims;

/// <summary>
/// Pays a window claim's reimbursement to the resident (现金 or 银行转账): the amount owed to residents is cleared
/// against the fund's bank account in the ledger, in the same save as the claim's new status.
/// </summary>
internal sealed class ClaimPayment(CooperativeDbContext db, FundLedger ledger, ICurrentActor actor, TimeProvider clock)
{
    public async Task<ProblemHttpResult?> PayAsync(Claim claim, PaymentMethod method, string? account, CancellationToken ct)
    {
        if (claim.Channel != ClaimChannel.Window || claim.Status is not (ClaimStatus.Settled or ClaimStatus.Approved) || claim.Reimbursement <= 0)
            return ClaimWorkflowApi.WrongState(claim, "只有已结算（或审核通过）且有补偿金额的窗口报销单可以支付");
        var posted = await ledger.PostAsync(new JournalDraft(clock.Today(), $"支付报销单 {claim.Number} 补偿款", "claim-payment", claim.Number,
            [JournalLineDraft.Dr(ChartOfAccounts.PayableToResidents, claim.Reimbursement), JournalLineDraft.Cr(ChartOfAccounts.Bank, claim.Reimbursement)]), ct);
        if (!posted.Succeeded) return LedgerApi.Refusal(posted);
        claim.RecordPayment(method, account?.Trim(), posted.Entry!.Id, clock.GetUtcNow().UtcDateTime, actor.Current.Name);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
