using System.Diagnostics;

namespace Cooperative.Bench;

/// <summary>Throughput and latency of a closed-loop load: so many operations a second, and the 50th and 99th percentile.</summary>
public sealed record LoadResult(long Operations, long Failures, double Seconds, double PerSecond, double P50Ms, double P99Ms)
{
    /// <summary>CPU spent over the counted window, when it was watched.</summary>
    public CpuUse? Cpu { get; init; }

    /// <summary>Operations that succeeded (the ones <see cref="PerSecond"/> counts).</summary>
    public long Succeeded => Operations - Failures;

    public override string ToString() => $"{PerSecond:N0}/s (p50 {P50Ms:N1} ms, p99 {P99Ms:N1} ms, {Operations:N0} ops, {Failures} failed)";
}

public static class Load
{
    /// <summary>
    /// Runs <paramref name="workers"/> loops of <paramref name="operation"/> until <paramref name="duration"/> has passed or
    /// <paramref name="maxOperations"/> are done, whichever comes first: every loop is bounded in count and time.
    /// With <paramref name="cpu"/>, the CPU spent from the first operation's start to the last one's end is read too.
    /// </summary>
    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, long maxOperations, Func<int, long, Task<bool>> operation,
        CpuWatch? cpu = null)
    {
        var latencies = new List<double>[workers];
        long started = 0, failures = 0;
        cpu?.Start();
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref started);
                if (n > maxOperations) break;
                var t = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(w, n); }
                catch (Exception) { ok = false; }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var used = cpu?.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failures, seconds, (all.Length - failures) / seconds, Percentile(all, 0.50), Percentile(all, 0.99))
        {
            Cpu = used,
        };
    }

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The median of several runs, by throughput.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);
}

/// <summary>Peak resident memory of a process while something runs (sampled from /proc every 20 ms).</summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public MemoryWatch(int pid)
    {
        _pid = pid;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakMb = Math.Max(PeakMb, CurrentMb(_pid));
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public double PeakMb { get; private set; }

    public static double CurrentMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
