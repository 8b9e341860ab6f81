using Cooperative.Api.County;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.County;

/// <summary>
/// A small synthetic county (600 households of 红岩乡, every admission and a twentieth of the visits of January to
/// October 2026), generated once for its tests on a database of its own, with the app's clock standing on 15 November
/// 2026: enough of a year for what it holds only a few of (deliveries, referrals, catastrophic costs).
/// </summary>
public sealed class SmallCounty : IAsyncLifetime
{
    public const int Months = 10;

    public CooperativeApp App { get; private set; } = null!;
    public CountyOutcome Outcome { get; private set; } = null!;
    public CountyReport Report => Outcome.Report!;

    public async Task InitializeAsync()
    {
        App = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "3600", FixedClock.At(2026, 11, 15));
        Outcome = await TinyCounty.GenerateAsync(App, new CountyRequest(CountySize.Small, 7, 2026, Months, CountySize.Small.OutpatientScale, 4));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
