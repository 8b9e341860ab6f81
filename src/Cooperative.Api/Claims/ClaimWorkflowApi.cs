using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Claims;

/// <summary>After submission: documents completed at the window, payment to the resident, review, reversal and refund.</summary>
internal static class ClaimWorkflowApi
{
    public static void MapClaimWorkflow(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/documents", AddDocuments).RequireAuthorization(Policies.WindowStaff)
            .WithSummary("Record documents handed in later (补交材料)")
            .WithDescription("The window records documents a resident brings for a claim waiting for them "
                + "(PendingDocuments); once complete the claim is settled. Refused when the claim is in "
                + "another state.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.WrongState, "insufficient_funds",
                "ledger_period_closed")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, ClaimErrors.NoPolicy)
            .WithName("AddClaimDocuments");
        group.MapPost("/{number}/pay", Pay).RequireAuthorization(Policies.WindowStaff)
            .WithSummary("Pay a settled paper claim to the resident (支付)")
            .WithDescription("The window pays the reimbursement of a settled or approved window claim to the "
                + "resident, in cash or by bank transfer (an account number is then required); the "
                + "payment is posted to the fund's ledger. Refused for a claim not awaiting payment or "
                + "when the fund's bank account cannot cover it.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.WrongState, "insufficient_funds",
                "ledger_period_closed")
            .WithName("PayClaim");
        group.MapPost("/{number}/refund", Refund).RequireAuthorization(Policies.WindowStaff)
            .WithSummary("Record a resident's refund of a reimbursement (退款)")
            .WithDescription("The resident pays back what was paid on a claim rejected or reversed after payment; "
                + "posted to the ledger. Refused when nothing is owed back.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.NothingToRecover, ClaimErrors.WrongState,
                "ledger_period_closed")
            .WithName("RecordClaimRefund");
        group.MapPost("/{number}/approve", Approve).RequireAuthorization(Policies.Reviewers)
            .WithSummary("Approve a claim under review (审核通过)")
            .WithDescription("A reviewer approves a claim held for review, with an optional note: its settlement, "
                + "posted when it was submitted, stands (a window claim can then be paid). Refused for a claim "
                + "not under review.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.WrongState)
            .WithName("ApproveClaim");
        group.MapPost("/{number}/reject", Reject).RequireAuthorization(Policies.Reviewers)
            .WithSummary("Reject a claim under review (审核不通过)")
            .WithDescription("A reviewer rejects a claim held for review, giving the reason: its settlement is "
                + "reversed in the ledger and the fund pays nothing. Refused for a claim not under review.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.WrongState, LedgerErrors.PeriodClosed)
            .WithName("RejectClaim");
        group.MapPost("/{number}/reverse", Reverse).RequireAuthorization(Policies.Admin)
            .WithSummary("Reverse a settled claim (冲销)")
            .WithDescription("An administrator reverses a settled, approved or paid claim, giving the reason: the "
                + "ledger entries are reversed and, when the claim was paid, the amount becomes owed "
                + "back by the resident or the facility. Refused in other states.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ClaimErrors.WrongState, "ledger_period_closed")
            .WithName("ReverseClaim");
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
