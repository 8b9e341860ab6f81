using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Claims;

/// <summary>After submission: documents completed at the window, payment to the resident, review, reversal and refund.</summary>
internal static class ClaimWorkflowApi
{
    public static void MapClaimWorkflow(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/documents", AddDocuments).RequireAuthorization(Policies.WindowStaff);
        group.MapPost("/{number}/pay", Pay).RequireAuthorization(Policies.WindowStaff);
        group.MapPost("/{number}/refund", Refund).RequireAuthorization(Policies.WindowStaff);
        group.MapPost("/{number}/approve", Approve).RequireAuthorization(Policies.Reviewers);
        group.MapPost("/{number}/reject", Reject).RequireAuthorization(Policies.Reviewers);
        group.MapPost("/{number}/reverse", Reverse).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> AddDocuments(string number, DocumentsRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimWorkflow workflow, CancellationToken ct)
    {
        var v = new Validation().Check(request.ProvidedDocuments is { Count: > 0 }, "providedDocuments", "请列出补交的材料")
            .Defined(request.ProvidedDocuments, "providedDocuments", "材料");
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await workflow.AddDocumentsAsync(claim, request.ProvidedDocuments!, ct));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Pay(string number, PaymentRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimPayment payment, CancellationToken ct)
    {
        var v = PaymentValidation(request);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await payment.PayAsync(claim, request.Method!.Value, request.Account, ct));
    }

    /// <summary>The resident pays back the reimbursement of a claim rejected or reversed after payment.</summary>
    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Refund(string number, PaymentRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimWorkflow workflow, CancellationToken ct)
    {
        var v = PaymentValidation(request);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await workflow.RecordRefundAsync(claim, request.Method!.Value, request.Account?.Trim(), ct));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Approve(string number, ReviewRequest? request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimWorkflow workflow, CancellationToken ct)
    {
        var v = new Validation().Optional(request?.Reason, "reason", "审核意见", 500, TextKind.MultiLine);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await workflow.ApproveAsync(claim, request?.Reason?.Trim(), ct));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Reject(string number, ReviewRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimWorkflow workflow, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason", "不通过原因", 200);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await workflow.RejectAsync(claim, request.Reason!.Trim(), ct));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> Reverse(string number, ReviewRequest request,
        ClaimsPrincipal user, CooperativeDbContext db, ClaimWorkflow workflow, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason", "冲销原因", 200);
        if (!v.IsValid) return v.ToProblem();
        var claim = await db.FindVisibleAsync(number, user, ct, tracked: true);
        if (claim is null) return NotFound();
        return Answer(claim, await workflow.ReverseAsync(claim, request.Reason!.Trim(), ct));
    }

    private static Validation PaymentValidation(PaymentRequest request)
    {
        var v = new Validation().Check(request.Method is not null, "method", "请选择支付方式（Cash 现金 或 BankTransfer 银行转账）")
            .Defined(request.Method, "method", "支付方式");
        if (request.Method == PaymentMethod.BankTransfer) v.Required(request.Account, "account", "银行账号", 64);
        else v.Optional(request.Account, "account", "银行账号", 64);
        return v;
    }

    private static Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult> Answer(Claim claim, Refusal? refusal) =>
        refusal is null ? TypedResults.Ok(ClaimResponse.From(claim, staff: true)) : Problems.From(refusal);

    private static ProblemHttpResult NotFound() => Problems.NotFound(ClaimErrors.NotFound, "报销单不存在");
}
