using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Fund.LedgerScenario;

namespace Cooperative.Api.Tests.Fund;

/// <summary>The fund's books tried as a finance office and a cheat would: retried postings, backdated ones, payments beyond the bank.</summary>
public sealed class FundBooksTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        _admin = await _app.ClientForAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Interest(decimal amount, string date = "2026-11-02") =>
        Entry(date, "利息收入", Line("1001", amount, 0m), Line("4201", 0m, amount));

    private Task<long> EntriesAsync(string sourceType) =>
        _app.Database!.ScalarAsync<long>($"SELECT COUNT(*) FROM journal_entries WHERE SourceType = '{sourceType}'");

    [Fact]
    public async Task A_manual_entry_answers_201_with_a_usable_location_and_its_retries_get_it_back()
    {
        var first = await SendAsync(_admin, "/api/ledger/entries", Interest(12.5m), "int-1");

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var location = first.Headers.Location!.OriginalString;
        location.Should().MatchRegex("^[\\x21-\\x7E]+$", "a header is ASCII: the entry number is percent-encoded");
        var number = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        (await GetAsync(_admin, location)).GetProperty("number").GetString().Should().Be(number);

        var retry = await SendAsync(_admin, "/api/ledger/entries", Interest(12.5m), "int-1");
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString().Should().Be(number);
        await (await SendAsync(_admin, "/api/ledger/entries", Interest(99m), "int-1"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        await (await _admin.PostAsJsonAsync("/api/ledger/entries", Interest(1m))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");

        var racing = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(_admin, "/api/ledger/entries", Interest(7m), "int-2")));
        racing.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        racing.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(19);
        (await EntriesAsync("manual")).Should().Be(2);

        var reversals = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            SendAsync(_admin, $"/api/ledger/entries/{Uri.EscapeDataString(number!)}/reverse", new { reason = "错记" }, "rev-1")));
        reversals.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        reversals.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(9,
            string.Join("; ", await Task.WhenAll(reversals.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"))));
        reversals.Single(r => r.StatusCode == HttpStatusCode.Created).Headers.Location!.OriginalString.Should().MatchRegex("^[\\x21-\\x7E]+$");
        (await EntriesAsync("reversal")).Should().Be(1);
        (await GetAsync(_admin, "/api/ledger/invariant")).GetProperty("holds").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Nothing_is_posted_in_or_before_a_closed_month_nor_before_the_opening()
    {
        await PostOctoberAsync(_admin);
        (await _admin.PostAsync("/api/ledger/periods/2026-10/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var date in new[] { "2026-10-31", "2026-09-30", "2025-01-15" })
            await (await SendAsync(_admin, "/api/ledger/entries", Interest(5m, date))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_period_closed");
        await (await SendAsync(_admin, "/api/ledger/entries", Interest(5m, "1999-12-31"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_before_opening");
        await (await SendAsync(_admin, "/api/ledger/entries", Interest(5m, "0001-01-01"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await SendAsync(_admin, "/api/ledger/entries", Interest(5m, "2026-11-01"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var invariant = await GetAsync(_admin, "/api/ledger/invariant");
        invariant.GetProperty("holds").GetBoolean().Should().BeTrue();
        invariant.GetProperty("inconsistentSnapshots").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_books_open_once_and_money_arrives_against_what_is_owed()
    {
        await OpenBooksAsync(_admin, "2026-01-01", 80_000m);
        await (await SendAsync(_admin, "/api/ledger/opening", new { date = "2026-01-01", lines = new[] { Line("1001", 1m, 0m), Line("3001", 0m, 1m) } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_already_opened");
        await (await SendAsync(_admin, "/api/ledger/entries", Interest(5m, "2025-12-31"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_before_opening");

        await PostOctoberAsync(_admin); // 24,000 of central subsidy receivable
        var receipt = new { kind = "subsidy_central", amount = 20_000m, date = "2026-11-18", payer = "财政部", bankReference = "CZ-2026-0001" };
        var received = await (await SendAsync(_admin, "/api/ledger/receipts", receipt, "r-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        received.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("accountCode").GetString()).Should().Equal("1001", "1101.01");
        await (await SendAsync(_admin, "/api/ledger/receipts", receipt, "r-2"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_bank_reference");
        await (await SendAsync(_admin, "/api/ledger/receipts", receipt with { bankReference = "CZ-2026-0002", amount = 4_000.01m }, "r-3"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "receipt_exceeds_receivable");

        var trial = await GetAsync(_admin, "/api/ledger/trial-balance?date=2026-11-20");
        Balance(trial, "1001").Should().Be(80_000m + 15_000m + 20_000m);
        Balance(trial, "1101.01").Should().Be(4_000m);
    }

    [Fact]
    public async Task A_payment_beyond_the_bank_is_refused_saying_how_much_is_missing()
    {
        await PostAsync(_admin, Entry("2026-11-01", "收取参合缴费", Line("1001", 1000m, 0m), Line("4001.01", 0m, 1000m)));
        await PostAsync(_admin, Entry("2026-11-02", "住院补偿", Line("5001.04", 1500m, 0m), Line("2002", 0m, 1500m)));

        var payment = await SendAsync(_admin, "/api/ledger/entries", Entry("2026-11-05", "支付补偿款", Line("2002", 1500m, 0m), Line("1001", 0m, 1500m)));
        var problem = await payment.ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient_funds");
        problem.GetProperty("detail").GetString().Should().Contain("500.00");

        // Two payments of 600 at once against 1,000: one goes out.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            SendAsync(_admin, "/api/ledger/entries", Entry("2026-11-05", "支付补偿款", Line("2002", 600m, 0m), Line("1001", 0m, 600m)))));
        both.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        both.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(1);
        Balance(await GetAsync(_admin, "/api/ledger/trial-balance?date=2026-11-20"), "1001").Should().Be(400m);

        var pooled = await GetAsync(_admin, "/api/ledger/pooled-fund?date=2026-11-20");
        pooled.GetProperty("state").GetString().Should().Be("warning", "1,000 income less 1,500 claims leaves the pooled fund below the reserve");
    }
}
