using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Claims.OneBillOneClaimTests;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

/// <summary>The same guards on the embedded default: one bill one claim, retries, recovery, the ledger balanced.</summary>
public sealed class ClaimsOnSqliteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task One_bill_is_one_claim_and_a_paid_claim_undone_is_owed_back_on_sqlite()
    {
        var clock = FixedClock.At(2026, 1, 5);
        await using var app = CooperativeApp.StartSqlite(_file, clock: clock);
        await Fund.LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", OpeningBank);
        await EnrolledWangsAsync(await app.ClientForAsync("window"));
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var window = await app.ClientForAsync("window");
        var hospital = await app.FacilityClientAsync("H0001");
        var reviewer = await app.ClientForAsync("reviewer");

        var retries = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SubmitAsync(hospital, Bill(Head, "VAR-123"), "k-1")));
        retries.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        retries.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(11);
        await (await SubmitAsync(window, Bill(Head, "var－ 123"), "w-1", "/api/claims/window")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_invoice");
        await (await SubmitAsync(window, Bill(Head, "P-2"), "w-2", "/api/claims/window")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "suspected_duplicate");

        var paper = await (await SubmitAsync(window, Bill(Son, "SZ-1", facilityCode: null, facilityName: "省人民医院", level: "outside_county"), "w-3",
            "/api/claims/window")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = paper.GetProperty("number").GetString();
        (await window.PostAsJsonAsync($"/api/claims/{number}/pay", new { method = "cash" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var rejected = await (await reviewer.PostAsJsonAsync($"/api/claims/{number}/reject", new { reason = "重复报销" })).ShouldBeOkAsync<JsonElement>();
        rejected.GetProperty("recovery").GetProperty("amount").GetDecimal().Should().Be(paper.GetProperty("fundPays").GetDecimal());
        (await window.PostAsJsonAsync($"/api/claims/{number}/refund", new { method = "cash" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var admin = await app.ClientForAsync("admin");
        var trial = await (await admin.GetAsync("/api/ledger/trial-balance?date=2026-11-20")).ShouldBeOkAsync<JsonElement>();
        trial.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1103").GetProperty("balance").GetDecimal()
            .Should().Be(0m);
        trial.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "2002").GetProperty("balance").GetDecimal()
            .Should().Be(0m);
        (await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>()).GetProperty("holds").GetBoolean().Should().BeTrue();
    }
}
