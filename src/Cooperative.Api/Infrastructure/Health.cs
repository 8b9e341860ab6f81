using Microsoft.EntityFrameworkCore;
using Cooperative.Api.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and the database does too, and on a Galera cluster
/// the node this instance reaches is Synced (a joiner, a donor or a node cut off from the majority is not ready); the
/// audit sealer's state is reported too (degraded, still ready, when it has stopped on a broken chain).
/// </summary>
public static class Health
{
    public static IServiceCollection AddCooperativeHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<AuditSealerHealthCheck>("audit-sealer", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapCooperativeHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJsonAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK, [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    /// <summary>JSON for load balancers and people alike: the overall status and each check's (no exception text).</summary>
    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy) http.Response.Headers.RetryAfter = "5";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        });
    }

    private sealed class DatabaseHealthCheck(CooperativeDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
            if (!db.Database.IsMySql()) return HealthCheckResult.Healthy();
            // Empty on a server without Galera; on a node: Joining, Donor/Desynced, Joined, Synced; with wsrep_ready OFF
            // (cut off from the cluster's majority) the node refuses queries and the check above already failed.
            var state = await db.Database.SqlQueryRaw<string>(
                "SELECT VARIABLE_VALUE AS `Value` FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE_COMMENT'")
                .ToListAsync(ct);
            return state.FirstOrDefault() is { Length: > 0 } comment && comment != "Synced"
                ? HealthCheckResult.Unhealthy($"The database node is {comment}, not Synced with its cluster.")
                : HealthCheckResult.Healthy(state.Count > 0 ? "Galera node Synced." : null);
        }
    }

    private sealed class AuditSealerHealthCheck(Audit.AuditSealerState sealer) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(sealer.Halted is { } why
                ? HealthCheckResult.Degraded(why)
                : HealthCheckResult.Healthy(sealer.HoldsLease ? "This instance seals the audit chain." : "Another instance seals the audit chain, or none has yet."));
    }
}
