namespace Cooperative.Api.Infrastructure;

/// <summary>
/// The few endpoints that build or stream a large document (a month's disclosure, the journal, the audit workbook,
/// a township's register): once the answer is sent, one compacting full collection gives their memory back to the
/// system, so that the process does not stay at the high-water mark of its largest job (the GC would otherwise
/// keep the pages for the next allocations). They run a few times a month; the collection costs milliseconds.
/// </summary>
internal static class LargeJobs
{
    public static RouteHandlerBuilder ReleasesMemoryAfterwards(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.OnCompleted(static () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                return Task.CompletedTask;
            });
            return await next(context);
        });
}
