namespace Cooperative.Api.County;

internal static class Batches
{
    /// <summary>Runs the batches on a bounded number of workers, each taking the next batch when it is done with one.</summary>
    public static Task RunAsync<T>(IReadOnlyList<T[]> batches, int workers, Func<T[], Task> work)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count) await work(batches[i]);
        }));
    }
}
