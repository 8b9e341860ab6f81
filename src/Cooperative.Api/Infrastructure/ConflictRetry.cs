using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// A write that lost to another one in the database is done again from the start, not answered with an error: InnoDB's
/// deadlock victim or lock-wait timeout, and on a Galera cluster a transaction that failed certification at commit
/// (another node committed a conflicting write first; reported as a deadlock, 1213). A lock wait that timed out (1205)
/// is not retried: it has already waited for seconds, and is answered 503 at once. Nothing of the lost attempt was
/// committed, so the whole handler runs again on a clean context: it reads the state afresh (the winner's write
/// included), checks its rules again and replays an idempotency key the winner may have used. A conflict that is
/// retried is logged as information, not as a failure; one that outlasts the attempts is the 503 <c>database_busy</c>.
/// </summary>
public static class ConflictRetry
{
    public const int Attempts = 5;

    /// <summary>
    /// Every POST, PUT, PATCH and DELETE endpoint under <paramref name="routes"/> retries lost conflicts. The filter is
    /// attached to those endpoints only: a filter makes building an endpoint's delegate costlier, and reads need none.
    /// </summary>
    public static RouteGroupBuilder WithConflictRetry(this RouteGroupBuilder routes)
    {
        ((IEndpointConventionBuilder)routes).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m))) return;
            endpoint.FilterFactories.Add((_, next) => invocation => RetryAsync(invocation, next));
        });
        return routes;
    }

    private static async ValueTask<object?> RetryAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(invocation);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(invocation);
            }
            catch (Exception e) when (DatabaseErrors.IsLostConflict(e) && attempt < Attempts && !http.Response.HasStarted)
            {
                await ResetAsync(http.RequestServices.GetService<CooperativeDbContext>(), http.RequestServices, attempt, e, http.RequestAborted);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (statements that commit on their own, no context) until it does not lose a conflict.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (DatabaseErrors.IsLostConflict(e) && attempt < Attempts)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    private static async Task ResetAsync(CooperativeDbContext? db, IServiceProvider services, int attempt, Exception e, CancellationToken ct)
    {
        if (db is not null)
        {
            if (db.Database.CurrentTransaction is { } open)
            {
                try { await open.RollbackAsync(CancellationToken.None); }
                catch (Exception rollback) when (DatabaseErrors.IsUnavailable(rollback) || rollback is InvalidOperationException) { }
                await open.DisposeAsync();
            }
            db.ChangeTracker.Clear();
        }
        if (services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ConflictRetry)) is { } log && log.IsEnabled(LogLevel.Information))
            log.LogInformation("A write lost a conflict in the database ({Reason}); attempt {Attempt} of {Attempts} follows.",
                Reason(e), attempt + 1, Attempts);
        await Task.Delay(Backoff(attempt), ct);
    }

    /// <summary>A few milliseconds, growing and jittered, so that the two losers of one conflict do not meet again.</summary>
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt);

    private static string Reason(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is MySqlConnector.MySqlException my) return $"{(int)my.ErrorCode} {my.Message}";
        return e.GetType().Name;
    }
}
