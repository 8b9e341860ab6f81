using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record TownshipCoverage(string Code, string Name, int RuralPopulation, int Enrolled, decimal Rate);

public sealed record CountyCoverage(int RuralPopulation, int Enrolled, decimal Rate);

public sealed record CoverageStatistics(int FundYear, IReadOnlyList<TownshipCoverage> Townships, CountyCoverage County);

/// <summary>
/// Coverage statistics (参合率): persons enrolled in a fund year against the rural population, per township and
/// for the county, as JSON and as an .xlsx workbook. The rate is a fraction rounded to 4 places (0.8863 = 88.63 %).
/// </summary>
public static class StatisticsApi
{
    public const int FirstFundYear = 2003;

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/enrollment").WithTags("Enrollment").RequireAuthorization(Policies.Staff);
        group.MapGet("/statistics", async Task<Results<Ok<CoverageStatistics>, ValidationProblem>> (int? fundYear,
            CooperativeDbContext db, CancellationToken ct) =>
            Validate(fundYear) is { IsValid: false } v ? v.ToProblem() : TypedResults.Ok(await ComputeAsync(db, fundYear!.Value, ct)))
            .WithSummary("Enrolment statistics of a fund year (参合率)")
            .WithDescription("Persons enrolled in the fund year against the rural population, per township and for "
                + "the county; the rate is a fraction rounded to 4 places (0.8863 = 88.63 %). fundYear "
                + "is required.")
            .WithName("GetEnrollmentStatistics");
        group.MapGet("/statistics.xlsx", async Task<Results<FileContentHttpResult, ValidationProblem>> (int? fundYear,
            CooperativeDbContext db, CancellationToken ct) =>
        {
            if (Validate(fundYear) is { IsValid: false } v) return v.ToProblem();
            var statistics = await ComputeAsync(db, fundYear!.Value, ct);
            return TypedResults.File(StatisticsWorkbook.Build(statistics), StatisticsWorkbook.ContentType,
                $"参合统计-{statistics.FundYear}.xlsx");
        })
            .WithSummary("Enrolment statistics of a fund year as Excel (参合统计表)")
            .WithDescription("The same figures as the statistics, as an .xlsx workbook.")
            .WithName("ExportEnrollmentStatistics");
        return routes;
    }

    private static Validation Validate(int? fundYear) => new Validation()
        .Check(fundYear is >= FirstFundYear and <= Bounds.LastFundYear, "fundYear", $"参合年度应在{FirstFundYear}至{Bounds.LastFundYear}之间");

    public static async Task<CoverageStatistics> ComputeAsync(CooperativeDbContext db, int fundYear, CancellationToken ct)
    {
        var enrolled = await (from e in db.Enrollments where e.FundYear == fundYear
                              join h in db.Households on e.HouseholdId equals h.Id
                              group e by h.TownshipCode into g
                              select new { Township = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Township, x => x.Count, ct);
        var townships = (await db.Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct))
            .Select(t => new TownshipCoverage(t.Code, t.Name, t.RuralPopulation, enrolled.GetValueOrDefault(t.Code),
                Rate(enrolled.GetValueOrDefault(t.Code), t.RuralPopulation)))
            .ToList();
        var population = townships.Sum(t => t.RuralPopulation);
        var total = townships.Sum(t => t.Enrolled);
        return new CoverageStatistics(fundYear, townships, new CountyCoverage(population, total, Rate(total, population)));
    }

    private static decimal Rate(int enrolled, int population) =>
        population == 0 ? 0m : Math.Round((decimal)enrolled / population, 4, MidpointRounding.AwayFromZero);
}
