using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Policy;

/// <summary>
/// The versioned policies in the database. A date before the fund year sees the year's first version (people
/// enrol and pay before the year starts); within the year, the newest version effective on that date.
/// </summary>
internal sealed class PolicyStore(CooperativeDbContext db, PolicyCache cache) : IPolicyStore
{
    /// <summary>
    /// The policy in force, from the cache while the year's newest version is still the one it was built under: a
    /// version written on another instance of the API (even one effective today) is seen by the next claim here, not
    /// 30 seconds later. The check is one indexed row; the cache spares parsing the policy's rules.
    /// </summary>
    public async Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, CancellationToken ct)
    {
        if (!Bounds.IsFundYear(fundYear)) return null;
        var stamp = await db.FundYearPolicies.AsNoTracking().Where(p => p.FundYear == fundYear).OrderByDescending(p => p.Version)
            .Select(p => new PolicyStamp(p.Version, p.ChangedUtc)).FirstOrDefaultAsync(ct);
        return await InForceAsync(fundYear, date, stamp, ct);
    }

    public async Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, PolicyStamp? newest, CancellationToken ct)
    {
        if (!Bounds.IsFundYear(fundYear)) return null;
        var stamp = newest;
        if (cache.TryGet((fundYear, date), out var cached) && cached.Stamp == stamp) return cached.Policy;
        var policy = (await VersionOnAsync(fundYear, date, ct))?.ToInForce();
        cache.Set((fundYear, date), (stamp, policy));
        return policy;
    }

    /// <summary>The version in force on the date (the first version before the year starts); none for a year out of bounds.</summary>
    public async Task<FundYearPolicy?> VersionOnAsync(int fundYear, DateOnly date, CancellationToken ct)
    {
        if (!Bounds.IsFundYear(fundYear)) return null;
        var yearStart = new DateOnly(fundYear, 1, 1);
        var on = date < yearStart ? yearStart : date;
        return await db.FundYearPolicies.AsNoTracking()
                   .Where(p => p.FundYear == fundYear && p.EffectiveFrom <= on)
                   .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct)
               ?? await db.FundYearPolicies.AsNoTracking()
                   .Where(p => p.FundYear == fundYear).OrderBy(p => p.Version).FirstOrDefaultAsync(ct);
    }
}
