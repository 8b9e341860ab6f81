using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// After submission: documents completed at the window, review (approve or reject), reversal, and the refund a
/// resident pays back. Every move goes through the claim's transition table; a claim changed by someone else
/// meanwhile (its version moved) is refused, never overwritten.
/// </summary>
internal sealed class ClaimWorkflow(CooperativeDbContext db, IPolicyStore policies, ClaimSettler settler, FundLedger ledger,
    ICurrentActor actor, TimeProvider clock)
{
    public async Task<Refusal?> AddDocumentsAsync(Claim claim, IReadOnlyList<RequiredDocument> provided, CancellationToken ct)
    {
        if (claim.Status != ClaimStatus.PendingDocuments) return claim.WrongState("只有待补材料的报销单可以补交材料");
        claim.AddDocuments(provided);
        var missing = ClaimRules.RequiredDocuments(claim.VisitType, claim.Referred).Except(claim.Documents).ToList();
        if (missing.Count > 0) return await SaveAsync(ct);
        var policy = await policies.InForceAsync(claim.FundYear, claim.DischargeDate, ct);
        if (policy is null) return Refusal.Unprocessable(ClaimErrors.NoPolicy, "该年度尚无补偿方案");
        var lines = claim.Lines.OrderBy(l => l.LineNo)
            .Select(l => new Domain.Reimbursement.BillLine(l.Code, l.Amount, l.CatalogueStatus, l.SelfPayShare)).ToList();
        return await Guarded(() => settler.SettleAsync(claim, policy, lines, ct));
    }

    public async Task<Refusal?> ApproveAsync(Claim claim, string? note, CancellationToken ct) =>
        claim.Approve(Now, actor.Current.Name, note) ?? await SaveAsync(ct);

    /// <summary>A rejected claim that had been settled is reversed, and the reversal posts to the ledger.</summary>
    public async Task<Refusal?> RejectAsync(Claim claim, string reason, CancellationToken ct)
    {
        var settled = claim.SettledUtc is not null;
        if (claim.Reject(Now, actor.Current.Name, reason) is { } refused) return refused;
        return settled ? await Guarded(() => settler.ReverseAsync(claim, reason, ct)) : await SaveAsync(ct);
    }

    /// <summary>An administrator's reversal of a settled claim (the facility withdrew the bill, a settlement in error).</summary>
    public async Task<Refusal?> ReverseAsync(Claim claim, string reason, CancellationToken ct)
    {
        if (ClaimStatusTransitions.Problem(claim.Status, ClaimStatus.Reversed) is { } problem) return claim.WrongState(problem);
        if (claim.SettledUtc is null) return claim.WrongState("未结算的报销单无需冲销");
        return await Guarded(() => settler.ReverseAsync(claim, reason, ct));
    }

    /// <summary>The resident pays back what a reversed window claim had paid him (退回补偿款): Dr bank / Cr refund receivable.</summary>
    public async Task<Refusal?> RecordRefundAsync(Claim claim, PaymentMethod method, string? reference, CancellationToken ct)
    {
        if (!claim.RecoveryOutstanding || claim.RecoveryKind != RecoveryKind.ResidentRefund)
            return Refusal.Conflict(ClaimErrors.NothingToRecover, "该报销单没有待参合人员退回的款项");
        var posted = await ledger.PostAsync(new JournalDraft(clock.Today(),
            $"收回报销单 {claim.Number} 已付补偿款（{(method == PaymentMethod.Cash ? "现金" : "银行转账")}{(reference is null ? "" : " " + reference)}）",
            "claim-recovery", claim.Number,
            [JournalLineDraft.Dr(ChartOfAccounts.Bank, claim.RecoveryAmount), JournalLineDraft.Cr(ChartOfAccounts.RefundReceivableResidents, claim.RecoveryAmount)]), ct);
        if (!posted.Succeeded) return posted.ToRefusal();
        return claim.RecordRecovery(posted.Entry!.Id, Now) ?? await SaveAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<Refusal?> SaveAsync(CancellationToken ct) => Guarded(async () =>
    {
        await db.SaveChangesAsync(ct);
        return null;
    });

    private static Task<Refusal?> Guarded(Func<Task<Refusal?>> write) => ClaimRaces.GuardAsync(write);
}
