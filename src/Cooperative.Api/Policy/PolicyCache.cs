using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cooperative.Api.Policy;

/// <summary>
/// The policy in force by fund year and date, kept for 30 seconds: every claim and coverage check needs it and it
/// changes a few times a year. This process forgets it at once when a version is written through the API; another
/// instance of the API sees the change within 30 seconds (new versions take effect from a date, not mid-claim).
/// </summary>
internal sealed class PolicyCache
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(int FundYear, DateOnly On), (PolicyInForce? Policy, long At)> _entries = new();

    public bool TryGet(int fundYear, DateOnly on, out PolicyInForce? policy)
    {
        policy = null;
        if (!_entries.TryGetValue((fundYear, on), out var entry) || Stopwatch.GetElapsedTime(entry.At) > Keep) return false;
        policy = entry.Policy;
        return true;
    }

    public void Set(int fundYear, DateOnly on, PolicyInForce? policy) => _entries[(fundYear, on)] = (policy, Stopwatch.GetTimestamp());

    public void Clear() => _entries.Clear();
}
