using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Facilities;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Complaints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Complaints;

/// <summary>
/// The staff's side: the list with deadline flags (the electronic supervision's yellow and red cards), a
/// filing's record with its history. Auditors read; handling is in <see cref="ComplaintHandlingApi"/>.
/// </summary>
internal static class ComplaintsApi
{
    public static void MapComplaintsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/complaints").WithTags("Complaints").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List)
            .WithSummary("List complaints and suggestions (投诉与建议)")
            .WithDescription("Pages of filings filtered by status, flag (yellow: the deadline is near; red: passed,"
                + " unanswered) and category, with their deadlines.")
            .WithName("ListComplaints");
        group.MapGet("/{number}", Get)
            .WithSummary("Get a complaint with its history")
            .WithDescription("One filing (TS-2026-000001) with the filer's contact, the text, its steps (assigned, "
                + "answered, closed) and flag.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PublicComplaintsApi.NotFoundCode)
            .WithName("GetComplaint");
        group.MapComplaintHandling();
    }

    private static async Task<Results<Ok<Page<ComplaintSummaryResponse>>, ValidationProblem>> List(string? status, string? flag,
        string? category, int? page, int? pageSize, CooperativeDbContext db, TimeProvider clock, IOptions<ComplaintOptions> options,
        CancellationToken ct)
    {
        var v = new Validation().PageBounds(page, pageSize)
            .Code(status, "status", "状态", out ComplaintStatus? byStatus)
            .Code(flag, "flag", "时限标识", out DeadlineFlag? byFlag)
            .Code(category, "category", "类别", out ComplaintCategory? byCategory);
        if (!v.IsValid) return v.ToProblem();

        var today = clock.Today();
        var yellowDays = options.Value.YellowDays;
        var query = db.Complaints.AsNoTracking();
        if (byStatus is { } s) query = query.Where(c => c.Status == s);
        if (byCategory is { } k) query = query.Where(c => c.Category == k);
        if (byFlag is { } f) query = WithFlag(query, f, today, today.AddDays(yellowDays));
        var rows = await query.OrderBy(c => c.Deadline).ThenBy(c => c.Number).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<ComplaintSummaryResponse>(
            rows.Items.Select(c => c.ToSummary(ComplaintDeadlines.Flag(c.Status, c.Deadline, today, yellowDays), today)).ToList(),
            rows.PageNumber, rows.PageSize, rows.Total));
    }

    /// <summary>The flag rule of <see cref="ComplaintDeadlines.Flag"/>, as a query (dates compare on both providers).</summary>
    private static IQueryable<Complaint> WithFlag(IQueryable<Complaint> query, DeadlineFlag flag, DateOnly today, DateOnly yellowUntil)
    {
        const ComplaintStatus filed = ComplaintStatus.Filed, assigned = ComplaintStatus.Assigned;
        return flag switch
        {
            DeadlineFlag.Red => query.Where(c => (c.Status == filed || c.Status == assigned) && c.Deadline < today),
            DeadlineFlag.Yellow => query.Where(c => (c.Status == filed || c.Status == assigned) && c.Deadline >= today
                && c.Deadline <= yellowUntil),
            _ => query.Where(c => (c.Status != filed && c.Status != assigned) || c.Deadline > yellowUntil),
        };
    }

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> Get(string number, CooperativeDbContext db,
        TimeProvider clock, IOptions<ComplaintOptions> options, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
        return complaint is null ? NotFound() : TypedResults.Ok(await ToResponseAsync(complaint, db, clock, options.Value, ct));
    }

    public static async Task<ComplaintResponse> ToResponseAsync(Complaint complaint, CooperativeDbContext db, TimeProvider clock,
        ComplaintOptions options, CancellationToken ct)
    {
        var today = clock.Today();
        var history = await db.ComplaintStatusChanges.AsNoTracking().Where(h => h.ComplaintId == complaint.Id).ToListAsync(ct);
        return complaint.ToResponse(ComplaintDeadlines.Flag(complaint.Status, complaint.Deadline, today, options.YellowDays), today,
            history);
    }

    public static ProblemHttpResult NotFound() => Problems.NotFound(PublicComplaintsApi.NotFoundCode, "投诉或建议不存在");
}
