using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Fund.LedgerScenario;

namespace Cooperative.Api.Tests.Fund;

public sealed class AuditChainTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _auditor = null!;

    public async Task InitializeAsync()
    {
        // The background sealer is slowed down so that the test decides when records are sealed.
        _app = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "3600", FixedClock.At(2026, 11, 20));
        _admin = await _app.ClientForAsync("admin");
        _auditor = await _app.ClientForAsync("auditor");
        await PostOctoberAsync(_admin);
        (await _admin.PostAsync("/api/audit/seal", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<JsonElement> VerifyAsync() => GetAsync(_auditor, "/api/audit/verify");

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeTrue();
        result.GetProperty("verified").GetInt64().Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task A_chain_sealed_while_it_is_being_verified_still_verifies()
    {
        // Writers and the sealer keep going while the auditor verifies: a verification must see one state of the
        // chain (records and head together), never a seal half committed as a cut-off tail.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var writing = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await _admin.PostAsJsonAsync("/api/staff", new { userName = $"clerk{n++}", displayName = "窗口人员", role = "window",
                    password = "Window-Password-2026!" });
                await _admin.PostAsync("/api/audit/seal", null);
            }
            return n;
        });
        var verifications = new List<JsonElement>();
        while (!stop.IsCancellationRequested) verifications.Add(await VerifyAsync());

        (await writing).Should().BeGreaterThan(3);
        verifications.Should().HaveCountGreaterThan(3);
        verifications.Should().AllSatisfy(v => v.GetProperty("intact").GetBoolean().Should().BeTrue(v.ToString()));
    }

    [Fact]
    public async Task A_record_altered_by_sql_is_named()
    {
        var id = await _app.Database!.ScalarAsync<long>("SELECT Id FROM audit_records WHERE EntityType = 'JournalEntry' ORDER BY Id LIMIT 1");
        await _app.Database.ExecuteAsync($"UPDATE audit_records SET After = REPLACE(After, '15000', '1500') WHERE Id = {id}");
        await _app.Database.ExecuteAsync($"UPDATE audit_records SET Actor = 'someone-else' WHERE Id = {id}");

        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBroken").GetProperty("recordId").GetInt64().Should().Be(id);
        result.GetProperty("firstBroken").GetProperty("reason").GetString().Should().Contain("篡改");
    }

    [Fact]
    public async Task A_record_deleted_by_sql_is_found_missing()
    {
        var seq = await _app.Database!.ScalarAsync<long>("SELECT Seq FROM audit_records WHERE Seq IS NOT NULL ORDER BY Seq LIMIT 1 OFFSET 3");
        await _app.Database.ExecuteAsync($"DELETE FROM audit_records WHERE Seq = {seq}");

        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBroken").GetProperty("seq").GetInt64().Should().Be(seq);
    }

    [Fact]
    public async Task Deleting_the_newest_records_is_found_too()
    {
        await _app.Database!.ExecuteAsync("DELETE FROM audit_records WHERE Seq = (SELECT MAX(Seq) FROM (SELECT Seq FROM audit_records) AS s)");

        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task New_records_join_the_chain_when_sealed()
    {
        await PostAsync(_admin, Entry("2026-11-02", "利息收入", Line("1001", 12m, 0m), Line("4201", 0m, 12m)));
        (await VerifyAsync()).GetProperty("unsealed").GetInt64().Should().BeGreaterThan(0);

        await _admin.PostAsync("/api/audit/seal", null);

        var result = await VerifyAsync();
        result.GetProperty("unsealed").GetInt64().Should().Be(0);
        result.GetProperty("intact").GetBoolean().Should().BeTrue();
    }

    /// <summary>What someone with the database but not the key would do: rewrite a record and recompute every hash after it.</summary>
    [Fact]
    public async Task A_record_rewritten_with_every_later_hash_recomputed_is_named_because_the_key_is_not_in_the_database()
    {
        var id = await _app.Database!.ScalarAsync<long>("SELECT Id FROM audit_records WHERE EntityType = 'JournalEntry' ORDER BY Seq LIMIT 1");
        await _app.Database.ExecuteAsync($"UPDATE audit_records SET After = REPLACE(After, '15000', '1500') WHERE Id = {id}");
        // Recompute the chain from the altered record on, with SHA-256 (the hash the chain used before it was keyed).
        await _app.Database.ExecuteAsync(
            "UPDATE audit_records SET Hash = SHA2(CONCAT(Hash, After), 256), KeyId = NULL WHERE Seq >= (SELECT Seq FROM (SELECT Seq FROM audit_records WHERE Id = " + id + ") s)");
        var head = await _app.Database.ScalarAsync<string>("SELECT Hash FROM audit_records ORDER BY Seq DESC LIMIT 1");
        await _app.Database.ExecuteAsync($"UPDATE audit_chain_heads SET Hash = '{head}'");

        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBroken").GetProperty("recordId").GetInt64().Should().Be(id);
    }

    [Fact]
    public async Task A_tail_cut_off_with_the_head_moved_back_is_found_against_the_checkpoint_outside_the_database()
    {
        await PostAsync(_admin, Entry("2026-11-02", "利息收入", Line("1001", 12m, 0m), Line("4201", 0m, 12m)));
        await _admin.PostAsync("/api/audit/seal", null);
        var before = await VerifyAsync();
        before.GetProperty("intact").GetBoolean().Should().BeTrue();
        var last = before.GetProperty("lastGoodCheckpoint").GetProperty("seq").GetInt64();
        last.Should().Be(before.GetProperty("verified").GetInt64(), "every seal leaves a signed checkpoint of the head");

        // Cut the newest records off and move the head back to the record before them: the database alone agrees.
        var keep = await _app.Database!.ScalarAsync<long>($"SELECT MAX(Seq) FROM audit_records WHERE Seq < {last - 1}");
        var keptHash = await _app.Database.ScalarAsync<string>($"SELECT Hash FROM audit_records WHERE Seq = {keep}");
        await _app.Database.ExecuteAsync($"DELETE FROM audit_records WHERE Seq > {keep}");
        await _app.Database.ExecuteAsync($"UPDATE audit_chain_heads SET Seq = {keep}, Hash = '{keptHash}'");

        var result = await VerifyAsync();

        result.GetProperty("intact").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBroken").GetProperty("reason").GetString().Should().Contain("检查点").And.Contain("删除");
        result.GetProperty("lastGoodCheckpoint").GetProperty("seq").GetInt64().Should().BeLessThanOrEqualTo(keep);
    }

    [Fact]
    public async Task Sealers_at_once_queue_behind_the_head_and_none_fails()
    {
        for (var round = 0; round < 5; round++)
        {
            for (var i = 1; i <= 3; i++)
                (await _admin.PutAsJsonAsync($"/api/facilities/duties/{i}", new { title = $"职责{round}-{i}", description = "内容" }))
                    .IsSuccessStatusCode.Should().BeTrue();
            var seals = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _admin.PostAsync("/api/audit/seal", null)));
            foreach (var seal in seals) seal.StatusCode.Should().Be(HttpStatusCode.OK, await seal.Content.ReadAsStringAsync());
        }
        (await VerifyAsync()).GetProperty("intact").GetBoolean().Should().BeTrue();
    }
}
