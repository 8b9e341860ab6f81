using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Enrollment;
using Microsoft.Extensions.DependencyInjection;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Cluster;

/// <summary>
/// What running several instances of the API on a Galera cluster asks of the application, tested on one MariaDB:
/// a commit refused as a deadlock (what a certification failure is) is done again; one sealer at a time across the
/// instances, taken over when it stops; a head found behind the sealed records; a policy version written on one
/// instance priced at once on another; the schema the cluster replicates.
/// </summary>
public sealed class ClusterReadinessTests
{
    /// <summary>
    /// Makes the next <paramref name="times"/> inserts into <paramref name="table"/> fail as a deadlock victim (1213),
    /// as a transaction that fails Galera's certification at commit does. The count lives in a MEMORY table, which the
    /// failing statement's rollback does not undo.
    /// </summary>
    private static async Task FailInsertsAsync(MariaDbDatabase db, string table, int times)
    {
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS test_conflicts (n INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=MEMORY");
        await db.ExecuteAsync("DELETE FROM test_conflicts");
        for (var i = 0; i < times; i++) await db.ExecuteAsync("INSERT INTO test_conflicts VALUES ()");
        await db.ExecuteAsync($"DROP TRIGGER IF EXISTS test_conflict_{table}");
        await db.ExecuteAsync($"""
            CREATE TRIGGER test_conflict_{table} BEFORE INSERT ON {table} FOR EACH ROW
            BEGIN
              IF (SELECT COUNT(*) FROM test_conflicts) > 0 THEN
                DELETE FROM test_conflicts LIMIT 1;
                SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock; try restarting transaction';
              END IF;
            END
            """);
    }

    [Fact]
    public async Task A_claim_and_a_posting_whose_commits_lose_a_conflict_are_done_again_and_stored_once()
    {
        await using var scenario = await ClaimScenario.StartAsync();
        var db = scenario.App.Database!;
        var patient = Households.Head;
        var entriesBefore = await db.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries");
        await FailInsertsAsync(db, "journal_entries", 4);

        var claim = await ClaimScenario.SubmitAsync(scenario.CityHospital, ClaimScenario.InpatientBill(patient), "conflict-1");

        var body = await claim.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        body.GetProperty("status").GetString().Should().Be("settled");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM test_conflicts")).Should().Be(0, "every failure was met and retried");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries")).Should().Be(entriesBefore + 1);

        await FailInsertsAsync(db, "journal_entries", 2);
        var posting = await Fund.LedgerScenario.SendAsync(scenario.Admin, "/api/ledger/entries", Fund.LedgerScenario.Entry("2026-11-20", "银行利息",
            Fund.LedgerScenario.Line("1001", 12.34m, 0m), Fund.LedgerScenario.Line("4301", 0m, 12.34m)), "conflict-posting");

        await posting.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE Description = '银行利息'")).Should().Be(1);
    }

    [Fact]
    public async Task A_conflict_that_outlasts_the_attempts_is_503_with_nothing_stored_and_the_same_key_then_stores_it_once()
    {
        await using var scenario = await ClaimScenario.StartAsync();
        var db = scenario.App.Database!;
        var patient = Households.Head;
        await FailInsertsAsync(db, "journal_entries", 1000);

        var refused = await ClaimScenario.SubmitAsync(scenario.CityHospital, ClaimScenario.InpatientBill(patient), "conflict-2");

        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_busy");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(0);
        await db.ExecuteAsync("DELETE FROM test_conflicts");

        var again = await ClaimScenario.SubmitAsync(scenario.CityHospital, ClaimScenario.InpatientBill(patient), "conflict-2");

        await again.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);
    }

    [Fact]
    public async Task Two_instances_seal_with_one_lease_and_the_survivor_takes_over_when_the_holder_stops()
    {
        static void Fast(Dictionary<string, string?> s)
        {
            s["Audit:SealIntervalSeconds"] = "0.2";
            s["Audit:SealerLeaseSeconds"] = "2";
        }
        // The database's owner does not seal (its own disposal drops the database); the two instances alongside it do.
        await using var owner = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "0");
        var db = owner.Database!;
        var first = CooperativeApp.StartAlongside(owner, Fast);
        var second = CooperativeApp.StartAlongside(owner, Fast);
        var admin = await owner.ClientForAsync("admin");
        var holders = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            await CreateClerkAsync(admin, $"lease{i}");
            holders.Add((await db.ScalarAsync<string>("SELECT Holder FROM audit_sealer_leases"))!);
            await Task.Delay(100);
        }
        await WaitSealedAsync(db);
        holders.Should().ContainSingle("one instance seals while it keeps renewing its lease");
        var holder = holders.Single();

        // Whichever holds the lease stops (as a process killed with its node would); the other takes over.
        var (stopping, survivor) = HolderIs(first, holder) ? (first, second) : (second, first);
        await stopping.DisposeAsync();
        var auditor = await survivor.ClientForAsync("auditor");
        for (var i = 0; i < 3; i++) await CreateClerkAsync(admin, $"after{i}");
        await WaitSealedAsync(db, TimeSpan.FromSeconds(15));

        (await db.ScalarAsync<string>("SELECT Holder FROM audit_sealer_leases")).Should().NotBe(holder);

        // A holder killed outright gives nothing up: its lease lapses (by the database's clock), then the survivor seals.
        await db.ExecuteAsync("UPDATE audit_sealer_leases SET Holder = 'killed-instance', ExpiresUtc = UTC_TIMESTAMP(6) + INTERVAL 3 SECOND");
        await CreateClerkAsync(admin, "after-kill");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE Seq IS NULL")).Should().BeGreaterThan(0,
            "nobody seals while a live-looking lease is someone else's");
        await WaitSealedAsync(db, TimeSpan.FromSeconds(15));
        (await db.ScalarAsync<string>("SELECT Holder FROM audit_sealer_leases")).Should().NotBe("killed-instance");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        verified.GetProperty("intact").GetBoolean().Should().BeTrue(verified.ToString());
        verified.GetProperty("unsealed").GetInt64().Should().Be(0);
        await survivor.DisposeAsync();
    }

    [Fact]
    public async Task A_head_behind_records_that_continue_it_is_moved_up_and_one_behind_a_forged_record_stops_sealing_and_says_so()
    {
        await using var app = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "3600");
        var db = app.Database!;
        var admin = await app.ClientForAsync("admin");
        var auditor = await app.ClientForAsync("auditor");
        for (var i = 0; i < 4; i++) await CreateClerkAsync(admin, $"head{i}");
        await SealAsync(admin);
        var top = await db.ScalarAsync<long>("SELECT Seq FROM audit_chain_heads");
        // The head moved back three records (a restored backup of that one row), the records themselves intact.
        await db.ExecuteAsync($"UPDATE audit_chain_heads SET Seq = {top - 3}, Hash = (SELECT Hash FROM audit_records WHERE Seq = {top - 3})");
        await CreateClerkAsync(admin, "head-next");

        (await SealAsync(admin)).Should().BeGreaterThan(0, "the head catches up with the records that continue it, then seals on");

        (await db.ScalarAsync<long>("SELECT Seq FROM audit_chain_heads")).Should().BeGreaterThan(top);
        (await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("intact").GetBoolean().Should().BeTrue();

        // Now a record beyond the moved-back head is not what was sealed: nothing more is sealed onto it.
        top = await db.ScalarAsync<long>("SELECT Seq FROM audit_chain_heads");
        await db.ExecuteAsync($"UPDATE audit_chain_heads SET Seq = {top - 2}, Hash = (SELECT Hash FROM audit_records WHERE Seq = {top - 2})");
        await db.ExecuteAsync($"UPDATE audit_records SET Actor = 'someone-else' WHERE Seq = {top - 1}");
        await CreateClerkAsync(admin, "head-after-forgery");

        (await SealAsync(admin)).Should().Be(0);

        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE Seq IS NULL")).Should().BeGreaterThan(0);
        var ready = await app.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
        ready.GetProperty("status").GetString().Should().Be("Degraded");
        ready.GetProperty("checks").GetProperty("audit-sealer").GetProperty("description").GetString().Should().Contain("sealing has stopped");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        verified.GetProperty("intact").GetBoolean().Should().BeFalse();
        verified.GetProperty("firstBroken").GetProperty("seq").GetInt64().Should().Be(top - 1);
    }

    [Fact]
    public async Task A_policy_version_written_on_one_instance_prices_the_next_claim_on_another()
    {
        await using var scenario = await ClaimScenario.StartAsync();
        await using var other = CooperativeApp.StartAlongside(scenario.App);
        var patient = Households.Head;
        var hospital = await other.FacilityClientAsync("H0001");
        var first = await (await ClaimScenario.SubmitAsync(hospital, ClaimScenario.InpatientBill(patient, "FP-A", "2026-11-01", "2026-11-03"), "policy-a"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        // Today (20 November) a new version raises the county hospital's inpatient rate: written on the first instance.
        var policy = await scenario.Admin.GetFromJsonAsync<JsonElement>("/api/policies/2026");
        var raised = RaiseInpatientRates(policy.GetProperty("policy"));
        (await scenario.Admin.PostAsJsonAsync("/api/policies/2026/versions", new { effectiveFrom = "2026-11-20", policy = raised }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var second = await (await ClaimScenario.SubmitAsync(hospital, ClaimScenario.InpatientBill(patient, "FP-B", "2026-11-18", "2026-11-20"), "policy-b"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        first.GetProperty("policyVersion").GetInt32().Should().Be(1);
        second.GetProperty("policyVersion").GetInt32().Should().Be(2,
            "the second instance prices today's discharge by the version written a moment ago on the first, not by its cached one");
        second.GetProperty("fundPays").GetDecimal().Should().BeGreaterThan(first.GetProperty("fundPays").GetDecimal());
    }

    [Fact]
    public async Task An_accounts_token_limit_is_counted_across_instances()
    {
        static void Limits(Dictionary<string, string?> s) => s["Authentication:TokenRateLimits:PerAccount"] = "4";
        await using var first = await CooperativeApp.StartAsync(Limits);
        await using var second = CooperativeApp.StartAlongside(first);
        var answers = new List<HttpStatusCode>();

        // Two instances behind one balancer, each asked in turn: each alone has granted only three.
        for (var i = 0; i < 6; i++)
            answers.Add((await (i % 2 == 0 ? first : second).PasswordGrantAsync("window", CooperativeApp.DemoPassword("window"))).StatusCode);

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_schema_has_a_primary_key_on_every_table_and_only_InnoDB_and_the_code_takes_no_locks_the_cluster_refuses()
    {
        await using var app = await CooperativeApp.StartAsync();
        var db = app.Database!;

        var withoutKey = await db.ScalarAsync<string>($"""
            SELECT GROUP_CONCAT(t.TABLE_NAME) FROM information_schema.TABLES t
            WHERE t.TABLE_SCHEMA = '{db.Name}' AND t.TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS (
              SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
              WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')
            """);
        var notInnoDb = await db.ScalarAsync<string>(
            $"SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB'");
        var sources = Directory.EnumerateFiles(Path.Combine(TestServer.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var refused = sources.Where(f => File.ReadAllText(f) is var text
            && (text.Contains("GET_LOCK(", StringComparison.OrdinalIgnoreCase) || text.Contains("LOCK TABLES", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        withoutKey.Should().BeNull("Galera replicates rows by primary key");
        notInnoDb.Should().BeNull("Galera replicates InnoDB only");
        refused.Should().BeEmpty("GET_LOCK and LOCK TABLES hold on one node only");
    }

    /// <summary>The same policy with every inpatient band's ratio five points higher (at most 95 %) and no deductible.</summary>
    private static System.Text.Json.Nodes.JsonNode RaiseInpatientRates(JsonElement policy)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(policy.GetRawText())!;
        foreach (var rule in document["inpatient"]!.AsArray())
        {
            rule!["deductible"] = 0m;
            foreach (var band in rule["bands"]!.AsArray())
                band!["ratio"] = Math.Min(0.95m, band["ratio"]!.GetValue<decimal>() + 0.05m);
        }
        return document;
    }

    private static async Task CreateClerkAsync(HttpClient admin, string name) =>
        (await admin.PostAsJsonAsync("/api/staff", new { userName = name, displayName = "窗口人员", role = "window", password = "Window-Password-2026!" }))
        .StatusCode.Should().Be(HttpStatusCode.Created);

    private static async Task<int> SealAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/audit/seal", null);
        return (await response.ShouldBeOkAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("sealed").GetInt32();
    }

    private static async Task WaitSealedAsync(MariaDbDatabase db, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE Seq IS NULL") > 0)
        {
            DateTime.UtcNow.Should().BeBefore(until, "the sealer keeps up");
            await Task.Delay(100);
        }
    }

    private static bool HolderIs(CooperativeApp app, string holder) =>
        app.Services.GetRequiredService<Api.Audit.AuditSealerState>().Instance == holder;
}
