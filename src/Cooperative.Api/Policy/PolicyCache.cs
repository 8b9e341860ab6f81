using Cooperative.Api.Infrastructure;

namespace Cooperative.Api.Policy;

/// <summary>
/// The policy in force by fund year and date, kept for 30 seconds: every claim and coverage check needs it and it
/// changes a few times a year. This process forgets it at once when a version is written through the API; another
/// instance of the API sees the change within 30 seconds (new versions take effect from a date, not mid-claim).
/// </summary>
internal sealed class PolicyCache() : TimedCache<(int FundYear, DateOnly On), PolicyInForce?>(TimeSpan.FromSeconds(30));
