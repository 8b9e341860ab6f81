using Cooperative.Api.Infrastructure;

namespace Cooperative.Api.Policy;

/// <summary>
/// The policy in force by fund year and date, each with the stamp of the year's newest version it was built under
/// (its number and when it was last changed): every claim and coverage check needs the policy, and it changes a few
/// times a year. A use whose stamp differs (a version written here or on another instance) builds it again.
/// </summary>
internal sealed class PolicyCache() : TimedCache<(int FundYear, DateOnly On), (PolicyStamp? Stamp, PolicyInForce? Policy)>(TimeSpan.FromMinutes(10));
