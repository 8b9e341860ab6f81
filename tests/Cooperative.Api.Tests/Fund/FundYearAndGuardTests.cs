using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using static Cooperative.Api.Tests.Enrollment.Households;
using static Cooperative.Api.Tests.Fund.LedgerScenario;

namespace Cooperative.Api.Tests.Fund;

/// <summary>Contributions of the autumn campaign are the next fund year's income, recognised by the system when that year begins.</summary>
public sealed class FundYearIncomeTests
{
    [Fact]
    public async Task Money_collected_in_the_autumn_is_held_in_advance_and_becomes_the_next_years_income_on_its_first_day()
    {
        var clock = FixedClock.At(2025, 11, 10);
        await using var app = await CooperativeApp.StartAsync(s => s["Fund:YearCheckMinutes"] = "0.005", clock);
        var admin = await app.ClientForAsync("admin");
        var policy = await GetAsync(admin, "/api/policies/2025");
        (await admin.PutAsJsonAsync("/api/policies/2026", policy.GetProperty("policy"))).IsSuccessStatusCode.Should().BeTrue();
        var window = await app.ClientForAsync("window");
        var household = await RegisterWangsAsync(window);
        await (await EnrollAsync(window, IdOf(household), 2026, MemberIds(household))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var autumn = await GetAsync(admin, "/api/ledger/income-statement?year=2025");
        autumn.GetProperty("totalIncome").GetDecimal().Should().Be(0m, "nothing collected for 2026 is 2025's income");
        var trial = await GetAsync(admin, "/api/ledger/trial-balance?date=2025-12-31");
        Balance(trial, "2101.01").Should().Be(300m, "two members paid 150 each in advance");
        Balance(trial, "2101.02").Should().Be(150m, "civil affairs owes the wife's");

        clock.Now = FixedClock.At(2026, 1, 1, hour: 0).Now.AddMinutes(30);
        var entry = await WaitForAsync(app, "fund-year-income");
        entry.Should().Be("2026-01-01", "the recognition is dated the year's first day");
        admin = await app.ClientForAsync("admin");
        var year = await GetAsync(admin, "/api/ledger/income-statement?year=2026");
        year.GetProperty("income").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "4001.01").GetProperty("amount").GetDecimal()
            .Should().Be(300m);
        year.GetProperty("totalIncome").GetDecimal().Should().BeGreaterThan(450m, "contributions and the three governments' subsidies");
        Balance(await GetAsync(admin, "/api/ledger/trial-balance?date=2026-01-01"), "2101.01").Should().Be(0m);
        (await app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'fund-year-income'")).Should().Be(1,
            "recognised once however often the system looks");
        (await GetAsync(admin, "/api/ledger/invariant")).GetProperty("holds").GetBoolean().Should().BeTrue();

        // The next campaign: only 2027's own advance becomes 2027's income, not 2026's once more.
        clock.Now = FixedClock.At(2026, 11, 10).Now;
        admin = await app.ClientForAsync("admin");
        var policy2026 = await GetAsync(admin, "/api/policies/2026");
        (await admin.PutAsJsonAsync("/api/policies/2027", policy2026.GetProperty("policy"))).IsSuccessStatusCode.Should().BeTrue();
        window = await app.ClientForAsync("window");
        var single = await RegisterAsync(window, "3301991010010066", [new Enrollment.Member(Id("19660606", 66), "赵一", "户主")]);
        await (await EnrollAsync(window, IdOf(single), 2027, MemberIds(single))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        clock.Now = FixedClock.At(2027, 1, 1, hour: 0).Now.AddMinutes(30);
        for (var i = 0; i < 100 && await app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'fund-year-income'") < 2; i++)
            await Task.Delay(200);
        await Task.Delay(1000);
        admin = await app.ClientForAsync("admin");
        var next = await GetAsync(admin, "/api/ledger/income-statement?year=2027");
        next.GetProperty("income").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "4001.01").GetProperty("amount").GetDecimal()
            .Should().Be(150m, "one member paid 150 for 2027; 2026's 300 was recognised in 2026");
        (await app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'fund-year-income'")).Should().Be(2);
    }

    private static async Task<string?> WaitForAsync(CooperativeApp app, string sourceType)
    {
        for (var i = 0; i < 100; i++)
        {
            var date = await app.Database!.ScalarAsync<string>(
                $"SELECT DATE_FORMAT(MIN(Date), '%Y-%m-%d') FROM journal_entries WHERE SourceType = '{sourceType}'");
            if (date is not null)
            {
                await Task.Delay(1000); // a second look must not post it again
                return date;
            }
            await Task.Delay(200);
        }
        return null;
    }
}

/// <summary>Books kept before advance receipts were held apart are carried over once by the one-off command.</summary>
public sealed class AdvanceIncomeCarryOverTests
{
    [Fact]
    public async Task Old_advance_income_is_moved_to_its_fund_year_once()
    {
        var clock = FixedClock.At(2025, 11, 10);
        await using var app = await CooperativeApp.StartAsync(s => s["Fund:YearCheckMinutes"] = "0", clock);
        var admin = await app.ClientForAsync("admin");
        var policy = await GetAsync(admin, "/api/policies/2025");
        (await admin.PutAsJsonAsync("/api/policies/2026", policy.GetProperty("policy"))).IsSuccessStatusCode.Should().BeTrue();
        var window = await app.ClientForAsync("window");
        var household = await RegisterWangsAsync(window);
        await (await EnrollAsync(window, IdOf(household), 2026, MemberIds(household))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        // As the books stood before the rule: the autumn's receipt booked as income (the guard lifted for the rewrite).
        await app.Database!.ExecuteAsync("DROP TRIGGER journal_lines_no_update");
        await app.Database.ExecuteAsync("UPDATE journal_lines SET AccountCode = CASE AccountCode WHEN '2101.01' THEN '4001.01' " +
            "WHEN '2101.02' THEN '4001.02' WHEN '2102.01' THEN '4101.01' WHEN '2102.02' THEN '4101.02' WHEN '2102.03' THEN '4101.03' ELSE AccountCode END");
        var guard = Cooperative.Api.Fund.ImmutableTables.Guards.Single(g => g.Name == "journal_lines_no_update");
        await app.Database.ExecuteAsync($"CREATE TRIGGER `{guard.Name}` BEFORE {guard.Event} ON `{guard.Table}` FOR EACH ROW {guard.Body}");
        var before = await GetAsync(admin, "/api/ledger/income-statement?year=2025");
        before.GetProperty("totalIncome").GetDecimal().Should().BeGreaterThan(0, "the old books: 2026's money as 2025's income");

        (await CarryOverAsync(app)).Should().HaveCount(1);
        (await GetAsync(admin, "/api/ledger/income-statement?year=2025")).GetProperty("totalIncome").GetDecimal().Should().Be(0m);
        Balance(await GetAsync(admin, "/api/ledger/trial-balance?date=2025-11-10"), "2101.01").Should().Be(300m);
        (await CarryOverAsync(app)).Should().BeEmpty("run twice, it moves nothing twice");

        clock.Now = FixedClock.At(2026, 1, 2).Now;
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Cooperative.Api.Fund.FundYearIncome>().RecognizeAsync(2026, default);
        admin = await app.ClientForAsync("admin");
        var year = await GetAsync(admin, "/api/ledger/income-statement?year=2026");
        year.GetProperty("income").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "4001.01").GetProperty("amount").GetDecimal()
            .Should().Be(300m);
        (await GetAsync(admin, "/api/ledger/invariant")).GetProperty("holds").GetBoolean().Should().BeTrue();
    }

    private static async Task<IReadOnlyList<string>> CarryOverAsync(CooperativeApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Cooperative.Api.Fund.AdvanceIncomeCarryOver>().RunAsync(default);
    }
}

/// <summary>The database refuses what the application never does, and the application refuses a database whose guards were altered.</summary>
public sealed class DatabaseGuardTests
{
    [Fact]
    public async Task No_line_can_be_added_to_a_posted_entry_and_an_altered_guard_stops_the_start()
    {
        await using var app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        var admin = await app.ClientForAsync("admin");
        var entry = await PostAsync(admin, Entry("2026-11-02", "利息收入", Line("1001", 10m, 0m), Line("4201", 0m, 10m)));
        var id = entry.GetProperty("id").GetGuid();

        var insert = () => app.Database!.ExecuteAsync(
            $"INSERT INTO journal_lines (EntryId, LineNo, AccountCode, Debit, Credit, Date, Period) VALUES ('{id}', 3, '1001', 5, 0, '2026-11-02', 202611), " +
            $"('{id}', 4, '4201', 0, 5, '2026-11-02', 202611)");
        (await insert.Should().ThrowAsync<MySqlException>()).Which.Message.Should().Contain("posted entry");

        // Replaced by a no-op of the same name: the next start refuses.
        await app.Database!.ExecuteAsync("DROP TRIGGER journal_lines_no_update");
        await app.Database!.ExecuteAsync("CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines FOR EACH ROW SET NEW.Credit = NEW.Credit");
        var restart = () => CooperativeApp.StartAsync(s => s["ConnectionStrings:Cooperative"] = app.Database!.ConnectionString);
        (await restart.Should().ThrowAsync<InvalidOperationException>()).Which.ToString().Should().Contain("journal_lines_no_update");
    }

    [Fact]
    public async Task The_application_runs_on_data_rights_while_the_migrations_account_owns_the_schema()
    {
        await using var schema = await MariaDbDatabase.CreateAsync();
        var user = $"coop_app_{Guid.NewGuid():N}"[..24];
        await schema.ExecuteAsync($"CREATE USER '{user}'@'127.0.0.1' IDENTIFIED BY 'app-secret-1'");
        await schema.ExecuteAsync($"GRANT SELECT, INSERT, UPDATE, DELETE ON `{schema.Name}`.* TO '{user}'@'127.0.0.1'");
        var appConnection = new MySqlConnectionStringBuilder(schema.ConnectionString)
        {
            UserID = user, Password = "app-secret-1", Server = "127.0.0.1",
        }.ConnectionString;
        try
        {
            await using var app = await CooperativeApp.StartAsync(s =>
            {
                s["ConnectionStrings:Cooperative"] = appConnection;
                s["ConnectionStrings:CooperativeMigrations"] = schema.ConnectionString;
            }, FixedClock.At(2026, 11, 20));
            var admin = await app.ClientForAsync("admin");
            await PostAsync(admin, Entry("2026-11-02", "利息收入", Line("1001", 10m, 0m), Line("4201", 0m, 10m)));

            await using var connection = new MySqlConnection(appConnection);
            await connection.OpenAsync();
            foreach (var sql in new[] { "DROP TRIGGER journal_lines_no_update", "TRUNCATE TABLE journal_lines", "ALTER TABLE journal_lines ADD x INT" })
            {
                await using var command = new MySqlCommand(sql, connection);
                var act = () => command.ExecuteNonQueryAsync();
                await act.Should().ThrowAsync<MySqlException>(sql);
            }
        }
        finally
        {
            await schema.ExecuteAsync($"DROP USER '{user}'@'127.0.0.1'");
        }
    }
}
