using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Values kept for a fixed time per key, in this process: reference data that every claim or check reads and that
/// changes a few times a year. Another instance of the API sees a change once its copy has expired.
/// </summary>
public class TimedCache<TKey, TValue>(TimeSpan keep) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long At)> _entries = new();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && Stopwatch.GetElapsedTime(entry.At) <= keep)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public TValue Set(TKey key, TValue value)
    {
        _entries[key] = (value, Stopwatch.GetTimestamp());
        return value;
    }

    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    public void Clear() => _entries.Clear();
}
