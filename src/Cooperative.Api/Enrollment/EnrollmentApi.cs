using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Enrollment;

public sealed record EnrollRequest(int? FundYear, List<Guid>? PersonIds);

/// <summary>
/// Enrolment of a household's members for a fund year (参合缴费): one enrolment per joining member, one
/// receipt, and the ledger entry of the contributions and subsidies, all in one transaction.
/// </summary>
public static class EnrollmentApi
{
    public static RouteGroupBuilder MapReceiptApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/receipts").WithTags("Enrollment").RequireAuthorization(Policies.Staff);
        group.MapGet("/{number}", async (string number, CooperativeDbContext db, CancellationToken ct) =>
            await ReceiptViews.LoadAsync(db, number, ct) is { } receipt
                ? (Results<Ok<ReceiptResponse>, ProblemHttpResult>)TypedResults.Ok(receipt)
                : Problems.NotFound("receipt_not_found", "收据不存在"))
            .WithSummary("Get a contribution receipt (缴费收据)")
            .WithDescription("One receipt by its number (2026-000001): the household, the members enrolled, the "
                + "amounts and who took them.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "receipt_not_found")
            .WithName("GetReceipt");
        return group;
    }

    /// <summary>Fund years open for enrolment: the current one, and the next (contributions are collected in advance).</summary>
    public static bool IsOpen(int fundYear, DateOnly today) => fundYear == today.Year || fundYear == today.Year + 1;

    internal static async Task<Results<Created<ReceiptResponse>, ValidationProblem, ProblemHttpResult>> Enroll(Guid id,
        EnrollRequest request, CooperativeDbContext db, HouseholdEnrolment enrolment, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.FundYear is not null, "fundYear", "参合年度不能为空")
            .FundYear(request.FundYear, "fundYear", "参合年度")
            .Check(request.PersonIds is { Count: > 0 }, "personIds", "请选择参合成员")
            .Check(request.PersonIds is null || request.PersonIds.Distinct().Count() == request.PersonIds.Count, "personIds", "参合成员不能重复");
        if (!validation.IsValid) return validation.ToProblem();
        var outcome = await enrolment.EnrolAsync(id, request.FundYear!.Value, request.PersonIds!, ct);
        if (outcome.Refusal is not null) return Problems.From(outcome.Refusal);
        return TypedResults.Created($"/api/receipts/{outcome.ReceiptNumber}", (await ReceiptViews.LoadAsync(db, outcome.ReceiptNumber!, ct))!);
    }
}
