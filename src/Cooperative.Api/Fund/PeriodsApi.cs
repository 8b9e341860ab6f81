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
        var rows = await db.LedgerPeriods.AsNoTracking().OrderBy(p => p.Period).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new PeriodResponse(LedgerPeriod.Format(p.Period), p.IsClosed, p.ClosedUtc, p.ClosedBy)).ToList());
    }

    private static async Task<Results<Ok<ClosingResult>, ProblemHttpResult>> Close(string period, PeriodClosing closing, CancellationToken ct)
    {
        if (LedgerPeriod.Parse(period) is not { } key) return Problems.NotFound("period_invalid", "会计期间格式应为 yyyy-MM");
        var (result, code, message) = await closing.CloseAsync(key, ct);
        return result is null ? Problems.Conflict(code!, message!) : TypedResults.Ok(result);
    }
}
