using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Fund.LedgerScenario;

namespace Cooperative.Api.Tests.Fund;

public sealed class LedgerTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        _admin = await _app.ClientForAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_trial_balance_balances_and_the_pooled_fund_matches_the_hand_calculation()
    {
        await PostOctoberAsync(_admin);
        (await _admin.PostAsync("/api/ledger/periods/2026-10/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var auditor = await _app.ClientForAsync("auditor");
        var trial = await GetAsync(auditor, "/api/ledger/trial-balance?date=2026-10-31");
        trial.GetProperty("balanced").GetBoolean().Should().BeTrue();
        trial.GetProperty("totalDebit").GetDecimal().Should().Be(43250m, "15,000 + 24,000 + 3,080 + the 3 % reserve 1,170");
        Balance(trial, "3002").Should().Be(1170m);

        var pooled = await GetAsync(auditor, "/api/ledger/pooled-fund?date=2026-10-31");
        pooled.GetProperty("pooledFund").GetDecimal().Should().Be(34750m, "39,000 income − 3,080 claims − 1,170 reserve");
        pooled.GetProperty("bank").GetDecimal().Should().Be(15000m);
        pooled.GetProperty("reconciled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_unbalanced_entry_is_refused_and_nothing_is_posted()
    {
        var response = await SendAsync(_admin, "/api/ledger/entries",
            Entry("2026-11-02", "不平衡", Line("1001", 100m, 0m), Line("4201", 0m, 99.99m)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "ledger_entry_invalid");
        problem.GetProperty("detail").GetString().Should().Contain("借贷不平衡");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries")).Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_account_is_refused()
    {
        var response = await SendAsync(_admin, "/api/ledger/entries",
            Entry("2026-11-02", "错误科目", Line("9999", 100m, 0m), Line("4201", 0m, 100m)));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "ledger_entry_invalid");
    }

    [Fact]
    public async Task Nothing_posts_into_a_closed_month_and_a_late_correction_names_it()
    {
        await PostOctoberAsync(_admin);
        await _admin.PostAsync("/api/ledger/periods/2026-10/close", null);

        var late = await SendAsync(_admin, "/api/ledger/entries", Entry("2026-10-30", "迟到的利息", Line("1001", 50m, 0m), Line("4201", 0m, 50m)));
        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_period_closed");

        var entries = await GetAsync(_admin, "/api/ledger/entries?sourceType=manual&to=2026-10-31");
        var claim = entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("description").GetString() == "住院补偿（县级医院）");
        var reversal = await SendAsync(_admin, $"/api/ledger/entries/{claim.GetProperty("number").GetString()}/reverse",
            new { date = "2026-11-03", reason = "重复录入" });
        var reversed = await reversal.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        reversed.GetProperty("correctsPeriod").GetString().Should().Be("2026-10");
        reversed.GetProperty("period").GetString().Should().Be("2026-11");
        reversed.GetProperty("reversesEntryId").GetGuid().Should().Be(claim.GetProperty("id").GetGuid());
        reversed.GetProperty("lines")[0].GetProperty("credit").GetDecimal().Should().Be(3080m);
    }

    [Fact]
    public async Task An_entry_is_reversed_only_once()
    {
        var entry = await PostAsync(_admin, Entry("2026-11-02", "利息收入", Line("1001", 88.8m, 0m), Line("4201", 0m, 88.8m)));
        var number = entry.GetProperty("number").GetString();

        (await SendAsync(_admin, $"/api/ledger/entries/{number}/reverse", new { reason = "错记" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await SendAsync(_admin, $"/api/ledger/entries/{number}/reverse", new { reason = "再次冲销" });

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_entry_already_reversed");
        var trial = await GetAsync(_admin, "/api/ledger/trial-balance?date=2026-11-20");
        Balance(trial, "4201").Should().Be(0m);
    }

    [Fact]
    public async Task Months_close_in_order_and_only_once_ended()
    {
        await PostAsync(_admin, Entry("2026-09-10", "利息收入", Line("1001", 10m, 0m), Line("4201", 0m, 10m)));
        await PostAsync(_admin, Entry("2026-10-10", "利息收入", Line("1001", 10m, 0m), Line("4201", 0m, 10m)));

        await (await _admin.PostAsync("/api/ledger/periods/2026-11/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "period_not_ended");
        await (await _admin.PostAsync("/api/ledger/periods/2026-10/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "earlier_period_open");
        (await _admin.PostAsync("/api/ledger/periods/2026-09/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.PostAsync("/api/ledger/periods/2026-10/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.PostAsync("/api/ledger/periods/2026-10/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "period_already_closed");
    }

    [Fact]
    public async Task Balances_after_a_close_start_from_the_snapshot_and_match_a_full_sum()
    {
        await PostOctoberAsync(_admin);
        await _admin.PostAsync("/api/ledger/periods/2026-10/close", null);
        await PostAsync(_admin, Entry("2026-11-05", "支付参合人员补偿款", Line("2002", 3080m, 0m), Line("1001", 0m, 3080m)));

        var trial = await GetAsync(_admin, "/api/ledger/trial-balance?date=2026-11-20");

        Balance(trial, "1001").Should().Be(11920m);
        Balance(trial, "2002").Should().Be(0m);
        var fullSum = await _app.Database!.ScalarAsync<decimal>("SELECT SUM(Debit) - SUM(Credit) FROM journal_lines WHERE AccountCode = '1001'");
        fullSum.Should().Be(11920m);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM period_balances WHERE Period = 202610")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_income_statement_of_a_month_adds_up()
    {
        await PostOctoberAsync(_admin);

        var statement = await GetAsync(_admin, "/api/ledger/income-statement?year=2026&month=10");

        statement.GetProperty("totalIncome").GetDecimal().Should().Be(39000m);
        statement.GetProperty("totalExpenditure").GetDecimal().Should().Be(3080m);
        statement.GetProperty("surplus").GetDecimal().Should().Be(35920m);
    }

    [Fact]
    public async Task Account_movements_run_a_balance()
    {
        await PostOctoberAsync(_admin);
        await PostAsync(_admin, Entry("2026-11-05", "支付参合人员补偿款", Line("2002", 3080m, 0m), Line("1001", 0m, 3080m)));

        var movements = await GetAsync(_admin, "/api/ledger/accounts/1001/movements?from=2026-10-01&to=2026-11-30");

        movements.GetProperty("movements").GetArrayLength().Should().Be(2);
        movements.GetProperty("closing").GetDecimal().Should().Be(11920m);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_a_posted_line()
    {
        await PostOctoberAsync(_admin);

        var update = () => _app.Database!.ExecuteAsync("UPDATE journal_lines SET Debit = 1 WHERE AccountCode = '1001'");
        var delete = () => _app.Database!.ExecuteAsync("DELETE FROM journal_entries");

        await update.Should().ThrowAsync<MySqlConnector.MySqlException>().WithMessage("*immutable*");
        await delete.Should().ThrowAsync<MySqlConnector.MySqlException>().WithMessage("*immutable*");
    }
}
