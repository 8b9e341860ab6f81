using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record PeriodResponse(string Period, bool IsClosed, DateTime? ClosedUtc, string? ClosedBy);

/// <summary>Accounting periods: listed for readers, closed by administrators.</summary>
public static class PeriodsApi
{
    public static RouteGroupBuilder MapPeriodsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger/periods").WithTags("Ledger").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/", List)
            .WithSummary("List accounting periods (会计期间)")
            .WithDescription("Every month of the books with whether it is closed, when and by whom.")
            .WithName("ListPeriods");
        group.MapPost("/{period}/close", Close).RequireAuthorization(Policies.Admin)
            .WithSummary("Close a month (月末结账)")
            .WithDescription("Closes an ended month (yyyy-MM): sets the risk reserve aside and writes the balance "
                + "snapshot; earlier open months must be closed first. No posting may be dated in a "
                + "closed month afterwards.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "period_invalid")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "period_not_ended", "earlier_period_open",
                "period_already_closed")
            .WithName("ClosePeriod");
        return group;
    }

    private static async Task<Ok<List<PeriodResponse>>> List(CooperativeDbContext db, CancellationToken ct)
    {
        // A month's row is written when it is closed (and, on MariaDB, by its first posting in a transaction): a month
        // with postings and no row is an open month of the books all the same.
        var rows = await db.LedgerPeriods.AsNoTracking().ToListAsync(ct);
        var posted = await db.JournalEntries.AsNoTracking().Select(e => e.Period).Distinct().ToListAsync(ct);
        var known = rows.Select(p => p.Period).ToHashSet();
        return TypedResults.Ok(rows.Select(p => new PeriodResponse(LedgerPeriod.Format(p.Period), p.IsClosed, p.ClosedUtc, p.ClosedBy))
            .Concat(posted.Where(p => !known.Contains(p)).Select(p => new PeriodResponse(LedgerPeriod.Format(p), false, null, null)))
            .OrderBy(p => p.Period, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<ClosingResult>, ProblemHttpResult>> Close(string period, PeriodClosing closing, CancellationToken ct)
    {
        if (LedgerPeriod.Parse(period) is not { } key) return Problems.NotFound("period_invalid", "会计期间格式应为 yyyy-MM");
        var (result, code, message) = await closing.CloseAsync(key, ct);
        return result is null ? Problems.Conflict(code!, message!) : TypedResults.Ok(result);
    }
}
