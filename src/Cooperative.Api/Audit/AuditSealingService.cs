namespace Cooperative.Api.Audit;

/// <summary>
/// Seals new audit records every few seconds (Audit:SealIntervalSeconds, default 2; 0 leaves sealing to other instances
/// of the API on the same database). Every instance may run it: the lease lets one seal at a time, and another takes
/// over within Audit:SealerLeaseSeconds when that one stops.
/// </summary>
public sealed class AuditSealingService(IServiceScopeFactory scopes, IConfiguration config, ILogger<AuditSealingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Audit:SealIntervalSeconds", 2.0));
        if (interval <= TimeSpan.Zero)
        {
            log.LogInformation("Audit:SealIntervalSeconds is 0: this instance does not seal the audit chain (another one does).");
            return;
        }
        using var timer = new PeriodicTimer(interval);
        try
        {
            await SealEveryTickAsync(timer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ReleaseAsync();
    }

    private async Task SealEveryTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsLeaseHolderAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (Infrastructure.DatabaseErrors.IsDeadlock(e) || Infrastructure.DatabaseErrors.IsUnavailable(e))
            {
                // Another instance took the lease or the head at the same moment (on a cluster, committed first), or the
                // database is away: nothing was sealed, and the next tick tries again.
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Sealing the audit chain met {Reason}; the next tick tries again.", e.GetBaseException().Message);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Sealing the audit chain failed; it will be tried again.");
            }
        }
    }

    /// <summary>On a graceful stop the lease is given up, so that another instance seals at once; a killed one's lapses.</summary>
    private async Task ReleaseAsync()
    {
        try
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditChain>().ReleaseLeaseAsync(bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("The audit sealer's lease was not given up at stop ({Reason}); it lapses by itself.", e.GetBaseException().Message);
        }
    }
}
