using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Policy;

public sealed record NewVersionRequest(DateOnly? EffectiveFrom, PolicyDocument? Policy);

/// <summary>
/// The fund years' policies: published to everyone, kept by administrators. A year's first version is
/// editable until the year starts; then it is frozen and a change is a new version effective from a date.
/// </summary>
public static class PolicyApi
{
    public static RouteGroupBuilder MapPolicyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/policies").WithTags("Policy");
        group.MapGet("/{year:int}", Get).AllowAnonymous()
            .WithSummary("The policy of a fund year (补偿方案)")
            .WithDescription("The version of the year's reimbursement policy in force on date (default today): "
                + "contributions and subsidies, deductibles (起付线), rates and caps by level, the special "
                + "kinds and payers. Public.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "policy_not_found")
            .WithName("GetPolicy");
        group.MapGet("/{year:int}/versions", Versions).AllowAnonymous()
            .WithSummary("Every version of a year's policy")
            .WithDescription("The year's policy versions in order, each with the date it takes effect. Public.")
            .WithName("ListPolicyVersions");
        group.MapPut("/{year:int}", Put).RequireAuthorization(Policies.Admin)
            .WithSummary("Create or edit a year's policy")
            .WithDescription("Creates the year's policy (201) or edits it (200) while the year has not started; "
                + "then it is frozen and a change is a new version.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "fund_year_invalid")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "policy_frozen")
            .WithName("PutPolicy");
        group.MapPost("/{year:int}/versions", AddVersion).RequireAuthorization(Policies.Admin)
            .WithSummary("Add a version to a running year's policy")
            .WithDescription("A change within a running year: a new version effective from today or a later date of"
                + " that year; claims are settled under the version in force on their service date.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "fund_year_invalid", "policy_not_found")
            .WithName("AddPolicyVersion");
        return group;
    }

    /// <summary>The version in force on the date (default today); a year out of 2000–2100 has no policy (404).</summary>
    private static async Task<Results<Ok<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> Get(int year, DateOnly? date,
        PolicyStore store, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Date(date, "date");
        if (!v.IsValid) return v.ToProblem();
        var today = Today(clock);
        var policy = await store.VersionOnAsync(year, date ?? today, ct);
        return policy is null ? NoPolicy(year) : TypedResults.Ok(ToResponse(policy, today));
    }

    private static async Task<Ok<List<PolicyVersionResponse>>> Versions(int year, CooperativeDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var versions = await db.FundYearPolicies.AsNoTracking().Where(p => p.FundYear == year).OrderBy(p => p.Version).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(p => ToResponse(p, Today(clock))).ToList());
    }

    /// <summary>Creates the year's policy, or edits it while the year has not started.</summary>
    private static async Task<Results<Ok<PolicyVersionResponse>, Created<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> Put(
        int year, PolicyDocument? policy, CooperativeDbContext db, PolicyCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (!Bounds.IsFundYear(year)) return Problems.NotFound("fund_year_invalid", "基金年度无效");
        var validation = PolicyValidation.Validate(policy);
        if (!validation.IsValid) return validation.ToProblem();
        var today = Today(clock);
        var versions = await db.FundYearPolicies.Where(p => p.FundYear == year).ToListAsync(ct);
        if (versions.Count == 0)
        {
            var created = PolicyMapping.NewVersion(year, 1, new DateOnly(year, 1, 1), policy!, clock.GetUtcNow().UtcDateTime);
            db.FundYearPolicies.Add(created);
            await db.SaveChangesAsync(ct);
            cache.Clear();
            return TypedResults.Created($"/api/policies/{year}", ToResponse(created, today));
        }
        if (versions.Count > 1 || IsFrozen(versions[0], today))
            return Problems.Conflict("policy_frozen", "该年度补偿方案已生效，不能修改",
                $"{year} 年度方案已于 {versions[0].EffectiveFrom:yyyy-MM-dd} 生效；请新建一个自某日起生效的新版本");
        versions[0].Apply(policy!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Clear();
        return TypedResults.Ok(ToResponse(versions[0], today));
    }

    /// <summary>A change within a running year: a new version, effective from today or a later date of that year.</summary>
    private static async Task<Results<Created<PolicyVersionResponse>, ValidationProblem, ProblemHttpResult>> AddVersion(
        int year, NewVersionRequest request, CooperativeDbContext db, PolicyCache cache, TimeProvider clock, CancellationToken ct)
    {
        var validation = PolicyValidation.Validate(request.Policy);
        var today = Today(clock);
        var latest = await db.FundYearPolicies.Where(p => p.FundYear == year).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (latest is null) return NoPolicy(year);
        if (request.EffectiveFrom is not { } from) validation.Add("effectiveFrom", "生效日期不能为空");
        else
        {
            validation.Check(from.Year == year, "effectiveFrom", $"生效日期必须在 {year} 年度内")
                .Check(from >= today, "effectiveFrom", "生效日期不能早于今天：已结算的理赔不能改变")
                .Check(from > latest.EffectiveFrom, "effectiveFrom", $"生效日期必须晚于当前版本的生效日期 {latest.EffectiveFrom:yyyy-MM-dd}");
        }
        if (!validation.IsValid) return validation.ToProblem();
        var created = PolicyMapping.NewVersion(year, latest.Version + 1, request.EffectiveFrom!.Value, request.Policy!,
            clock.GetUtcNow().UtcDateTime);
        db.FundYearPolicies.Add(created);
        await db.SaveChangesAsync(ct);
        cache.Clear();
        return TypedResults.Created($"/api/policies/{year}/versions", ToResponse(created, today));
    }

    private static bool IsFrozen(FundYearPolicy p, DateOnly today) => p.EffectiveFrom <= today;

    private static PolicyVersionResponse ToResponse(FundYearPolicy p, DateOnly today) =>
        new(p.FundYear, p.Version, p.EffectiveFrom, IsFrozen(p, today), p.ToDocument());

    private static ProblemHttpResult NoPolicy(int year) => Problems.NotFound("policy_not_found", $"{year} 年度尚无补偿方案");

    private static DateOnly Today(TimeProvider clock) => clock.Today();
}
