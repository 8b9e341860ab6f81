using Cooperative.Domain.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

public sealed record CostFlag(string FacilityCode, string FacilityName, FacilityLevel Level, int Admissions, decimal AverageCost,
    decimal LevelAverage, decimal Excess, bool Flagged);

public sealed record CostFlagsResponse(string Month, decimal Margin, IReadOnlyList<CostFlag> Facilities);

/// <summary>
/// 次均费用监控 (duty 13): each month, facilities whose average cost per inpatient admission exceeds the county
/// average of their level by more than the margin (Facilities:CostFlagMargin, default 20 %) are flagged.
/// </summary>
public static class CostFlagsApi
{
    public static IEndpointRouteBuilder MapCostFlagsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/facilities/cost-flags", Flags).WithTags("Facilities").RequireAuthorization(Policies.Staff)
            .WithSummary("Facilities above the average cost per admission (次均费用监控)")
            .WithDescription("For a month (yyyy-MM), facilities whose average cost per inpatient admission exceeds "
                + "the county average of their level by more than margin (a fraction; default from "
                + "configuration, 20 %).")
            .WithName("ListCostFlags");
        return routes;
    }

    private static async Task<Results<Ok<CostFlagsResponse>, ValidationProblem>> Flags(string? month, decimal? margin, CooperativeDbContext db,
        IConfiguration config, CancellationToken ct)
    {
        var period = LedgerPeriod.Parse(month);
        var v = new Validation().Check(period is not null, "month", "月份格式应为 yyyy-MM")
            .Check(margin is null or >= 0 and <= 10, "margin", "超出比例必须在 0 到 10 之间");
        if (!v.IsValid) return v.ToProblem();
        var limit = margin ?? config.GetValue("Facilities:CostFlagMargin", 0.20m);
        var (from, to) = (LedgerPeriod.StartOf(period!.Value), LedgerPeriod.EndOf(period.Value));
        // A month's admissions are a few thousand rows: summed in memory, which also suits SQLite's text decimals.
        var admissions = await db.Claims.AsNoTracking()
            // General inpatient stays only: a delivery (a fixed subsidy, a short stay) would pull a level's average down.
            .Where(c => c.Benefit == BenefitKind.Inpatient && c.FacilityCode != null && c.DischargeDate >= from && c.DischargeDate <= to
                        && c.Status != ClaimStatus.Rejected && c.Status != ClaimStatus.Reversed && c.PolicyVersion != null)
            .Select(c => new { c.FacilityCode, c.FacilityName, c.FacilityLevel, c.Total })
            .ToListAsync(ct);
        var levelAverages = admissions.GroupBy(a => a.FacilityLevel).ToDictionary(g => g.Key, g => g.Average(a => a.Total));
        var flags = admissions.GroupBy(a => (a.FacilityCode!, a.FacilityName, a.FacilityLevel)).Select(g =>
            {
                var average = g.Average(a => a.Total);
                var levelAverage = levelAverages[g.Key.FacilityLevel];
                var excess = levelAverage == 0 ? 0 : (average / levelAverage) - 1;
                return new CostFlag(g.Key.Item1, g.Key.FacilityName, g.Key.FacilityLevel, g.Count(), Money.Round(average),
                    Money.Round(levelAverage), Math.Round(excess, 4, MidpointRounding.AwayFromZero), excess > limit);
            })
            .OrderByDescending(f => f.Flagged).ThenByDescending(f => f.Excess).ToList();
        return TypedResults.Ok(new CostFlagsResponse(LedgerPeriod.Format(period.Value), limit, flags));
    }
}
