using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>Reading claims: lists with filters, the reviewers' queue, one claim.</summary>
internal static class ClaimQueriesApi
{
    public static void MapClaimQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).RequireAuthorization(Policies.ClaimReaders)
            .WithSummary("List claims (报销单查询)")
            .WithDescription("Pages of claims, newest first, filtered by status, facility code, discharge dates "
                + "(from, to) and q (claim number, ID number, invoice number or patient name). A "
                + "facility sees only its own claims, with patients' names masked.")
            .WithName("ListClaims");
        group.MapGet("/review-queue", ReviewQueue).RequireAuthorization(Policies.Reviewers)
            .WithSummary("The review queue (审核队列)")
            .WithDescription("Claims under review, oldest first, filtered by facility, minimum reimbursement and "
                + "review flag; all=true adds settled claims.")
            .WithName("ListReviewQueue");
        group.MapGet("/{number}", Get).RequireAuthorization(Policies.ClaimReaders)
            .WithSummary("Get a claim")
            .WithDescription("One claim with its lines, settlement and history. A facility reads only its own "
                + "claims (others are not found).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .WithName("GetClaim");
    }

    private static async Task<Results<Ok<Page<ClaimSummary>>, ValidationProblem>> List(ClaimsPrincipal user, CooperativeDbContext db,
        string? status, string? facility, DateOnly? from, DateOnly? to, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation().PageBounds(page, pageSize).Date(from, "from").Date(to, "to")
            .Code(status, "status", "状态", out ClaimStatus? wanted);
        if (!v.IsValid) return v.ToProblem();
        var query = db.Claims.AsNoTracking().Visible(user);
        if (wanted is { } s) query = query.Where(c => c.Status == s);
        if (!string.IsNullOrWhiteSpace(facility)) query = query.Where(c => c.FacilityCode == facility);
        if (from is { } f) query = query.Where(c => c.DischargeDate >= f);
        if (to is { } t) query = query.Where(c => c.DischargeDate <= t);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.Number == q || c.IdNumber == q || c.InvoiceNumber == q || c.PatientName == q);
        return TypedResults.Ok(await SummariesAsync(query.OrderByDescending(c => c.SubmittedUtc), user.IsStaff(), page, pageSize, ct));
    }

    /// <summary>审核队列: flagged claims first by default; filters by facility, amount and flag.</summary>
    private static async Task<Results<Ok<Page<ClaimSummary>>, ValidationProblem>> ReviewQueue(CooperativeDbContext db, string? facility,
        decimal? minAmount, string? flag, bool? all, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Refusal(page, pageSize) is { } refusal) return refusal;
        var query = db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.UnderReview || (all == true && c.Status == ClaimStatus.Settled));
        if (!string.IsNullOrWhiteSpace(facility)) query = query.Where(c => c.FacilityCode == facility);
        if (!string.IsNullOrWhiteSpace(flag)) query = query.Where(c => c.Flags != null && c.Flags.Contains(flag));
        var ordered = query.OrderBy(c => c.SubmittedUtc);
        if (minAmount is not { } min) return TypedResults.Ok(await SummariesAsync(ordered, staff: true, page, pageSize, ct));
        // SQLite cannot compare decimals in SQL; the queue is small, so the amount filter runs in memory there.
        var rows = db.Database.IsMySql()
            ? await ordered.Where(c => c.Reimbursement >= min).ToListAsync(ct)
            : (await ordered.ToListAsync(ct)).Where(c => c.Reimbursement >= min).ToList();
        var (number, size) = Paging.Normalize(page, pageSize);
        return TypedResults.Ok(new Page<ClaimSummary>(rows.Skip(Paging.Offset(number, size)).Take(size).Select(c => Summary(c, true)).ToList(),
            number, size, rows.Count));
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Get(string number, ClaimsPrincipal user, CooperativeDbContext db,
        CancellationToken ct)
    {
        var claim = await db.FindVisibleAsync(number, user, ct);
        return claim is null ? Problems.NotFound(ClaimErrors.NotFound, "报销单不存在") : TypedResults.Ok(ClaimResponse.From(claim, user.IsStaff()));
    }

    private static async Task<Page<ClaimSummary>> SummariesAsync(IQueryable<Claim> query, bool staff, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await query.ToPageAsync(page, pageSize, ct);
        return new Page<ClaimSummary>(result.Items.Select(c => Summary(c, staff)).ToList(), result.PageNumber, result.PageSize, result.Total);
    }

    private static ClaimSummary Summary(Claim c, bool staff) => new(c.Number, c.Channel, c.Status, c.FacilityCode, c.FacilityName,
        staff ? c.PatientName : NameMasking.Mask(c.PatientName), c.VisitType, c.DischargeDate, c.Total, c.Reimbursement, c.Flags, c.Benefit,
        c.Payout);
}
