using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Fund;

/// <summary>The list of accounting periods the console's month-end screen offers, on the embedded default (SQLite).</summary>
public sealed class PeriodListTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task Every_month_with_postings_is_listed_open_until_it_is_closed_on_sqlite()
    {
        var clock = FixedClock.At(2026, 1, 5);
        await using var app = CooperativeApp.StartSqlite(_file, clock: clock);
        await LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", 500_000m);
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var admin = await app.ClientForAsync("admin");
        await LedgerScenario.PostOctoberAsync(admin);

        (await PeriodsAsync(admin)).Should().Equal(("2026-01", false, null), ("2026-10", false, null));

        await (await admin.PostAsync("/api/ledger/periods/2026-01/close", null)).ShouldBeOkAsync<JsonElement>();
        (await PeriodsAsync(admin)).Should().Equal(("2026-01", true, "admin"), ("2026-10", false, null));
    }

    private static async Task<List<(string?, bool, string?)>> PeriodsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/ledger/periods")).ShouldBeOkAsync<List<JsonElement>>())
        .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("isClosed").GetBoolean(), p.GetProperty("closedBy").GetString())).ToList();
}
