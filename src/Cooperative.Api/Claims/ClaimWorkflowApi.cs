using System.Security.Claims;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Claims;

/// <summary>After submission: documents completed at the window, payment to the resident, review (approve or reject).</summary>
internal static class ClaimWorkflowApi
{
    public static void MapClaimWorkflow(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/documents", AddDocuments).RequireAuthorization(Policies.WindowStaff);
        group.MapPost("/{number}/pay", Pay).RequireAuthorization(Policies.WindowStaff);
        group.MapPost("/{number}/approve", Approve).RequireAuthorization(Policies.Reviewers);
        group.MapPost("/{number}/reject", Reject).RequireAuthorization(Policies.Reviewers);
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> AddDocuments(string number, DocumentsRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, IPolicyStore policies, Catalogue catalogue, ClaimSettler settler, CancellationToken ct)
    {
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        if (claim.Status != ClaimStatus.PendingDocuments) return WrongState(claim, "只有待补材料的报销单可以补交材料");
        if (request.ProvidedDocuments is not { Count: > 0 }) return new Validation().Check(false, "providedDocuments", "请列出补交的材料").ToProblem();
        claim.AddDocuments(request.ProvidedDocuments);
        var missing = ClaimRules.RequiredDocuments(claim.VisitType, claim.Referred).Except(claim.Documents).ToList();
        if (missing.Count == 0)
        {
            var policy = await policies.InForceAsync(claim.DischargeDate.Year, claim.DischargeDate, ct);
            if (policy is null) return Problems.Unprocessable(ClaimErrors.NoPolicy, "该年度尚无补偿方案");
            var lines = claim.Lines.OrderBy(l => l.LineNo)
                .Select(l => new Domain.Reimbursement.BillLine(l.Code, l.Amount, l.CatalogueStatus, l.SelfPayShare)).ToList();
            if (await settler.SettleAsync(claim, policy, lines, ct) is { } refused) return refused;
        }
        else await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClaimResponse.From(claim, staff: true));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Pay(string number, PaymentRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimPayment payment, CancellationToken ct)
    {
        var v = new Validation().Check(request.Method is not null, "method", "请选择支付方式（Cash 现金 或 BankTransfer 银行转账）");
        if (request.Method == PaymentMethod.BankTransfer) v.Required(request.Account, "account", "收款银行账号", 64);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        if (await payment.PayAsync(claim, request.Method!.Value, request.Account, ct) is { } refusal) return refusal;
        return TypedResults.Ok(ClaimResponse.From(claim, staff: true));
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Approve(string number, ReviewRequest? request, ClaimsPrincipal user,
        CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        if (claim.Status is not (ClaimStatus.Settled or ClaimStatus.UnderReview)) return WrongState(claim, "只有已结算或审核中的报销单可以审核通过");
        claim.Approve(clock.GetUtcNow().UtcDateTime, actor.Current.Name, request?.Reason?.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClaimResponse.From(claim, staff: true));
    }

    /// <summary>A rejected claim that had been settled is reversed, and the reversal posts to the ledger.</summary>
    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Reject(string number, ReviewRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimSettler settler, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason", "不通过原因", 500);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        if (claim.Status is ClaimStatus.Rejected or ClaimStatus.Reversed) return WrongState(claim, "该报销单已被驳回或冲销");
        var settled = claim.Status is not (ClaimStatus.Submitted or ClaimStatus.PendingDocuments);
        claim.Reject(clock.GetUtcNow().UtcDateTime, actor.Current.Name, request.Reason!.Trim());
        if (settled)
        {
            if (await settler.ReverseAsync(claim, request.Reason.Trim(), ct) is { } refused) return refused;
        }
        else await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClaimResponse.From(claim, staff: true));
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound(ClaimErrors.NotFound, "报销单不存在");

    internal static ProblemHttpResult WrongState(Claim claim, string detail) =>
        Problems.Conflict(ClaimErrors.WrongState, $"报销单当前状态为“{ClaimRules.Chinese(claim.Status)}”，不能执行此操作", detail);
}
