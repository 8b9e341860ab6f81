using Cooperative.Api.County;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperative.Api.Tests.County;

/// <summary>
/// A tiny synthetic county (120 households of 红岩乡, claims of January to March 2026), generated once for the
/// tests of this class on a database of its own, with the app's clock standing on 15 April 2026.
/// </summary>
public sealed class TinyCounty : IAsyncLifetime
{
    public static FixedClock Clock() => FixedClock.At(2026, 4, 15);

    public static CountyRequest Request(int seed = 7) => new(CountySize.Tiny, seed, 2026, 3, 1.0, 4);

    public CooperativeApp App { get; private set; } = null!;
    public CountyOutcome Outcome { get; private set; } = null!;
    public CountyReport Report => Outcome.Report!;

    public async Task InitializeAsync()
    {
        App = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "3600", Clock());
        Outcome = await GenerateAsync(App, Request());
    }

    public static Task<CountyOutcome> GenerateAsync(CooperativeApp app, CountyRequest request) =>
        app.Services.GetRequiredService<CountyGenerator>().RunAsync(request, _ => { }, CancellationToken.None);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
