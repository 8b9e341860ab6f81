using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// <c>Demo:County=tiny|township</c>: once the API listens, loads that synthetic county in the background when
/// the database holds no persons yet (the API answers meanwhile, and the data appear township by township).
/// Registered only when the setting is present, so that a plain start does nothing more.
/// </summary>
internal sealed partial class DemoCountyLoader(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime,
    ILogger<DemoCountyLoader> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        var size = CountySize.Named(config["Demo:County"]);
        if (size is null)
        {
            log.LogWarning("Demo:County must be tiny, small, township or county; no demo county is loaded.");
            return;
        }
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<CooperativeDbContext>().Persons.AnyAsync(stoppingToken))
            {
                log.LogInformation("The database holds persons already: no demo county is loaded.");
                return;
            }
        }
        var request = await SeedCountyCommand.DefaultsAsync(services, size, config.GetValue("Demo:CountySeed", 42), null, null, null, null);
        Loading(request.Key);
        try
        {
            var outcome = await services.GetRequiredService<CountyGenerator>()
                .RunAsync(request, Progress, stoppingToken);
            Progress(outcome.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogWarning("The demo county was not finished: the app stopped while loading it.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the demo county {Key} in the background …")]
    private partial void Loading(string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Progress}")]
    private partial void Progress(string progress);
}
