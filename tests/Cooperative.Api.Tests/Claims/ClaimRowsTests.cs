using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

/// <summary>
/// On MariaDB a settled claim's rows are written as one command of multi-row INSERTs (ADR 0009); on SQLite by
/// SaveChanges. The same bill settled on both leaves the same rows and the same audit records, value for value.
/// </summary>
public sealed class ClaimRowsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task A_settled_claim_leaves_the_same_rows_and_audit_records_on_MariaDB_as_through_SaveChanges()
    {
        var clock = FixedClock.At(2026, 1, 5);
        await using var maria = await CooperativeApp.StartAsync(clock: clock);
        await using var lite = CooperativeApp.StartSqlite(_file, clock: clock);
        foreach (var app in new[] { maria, lite })
        {
            await Fund.LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", OpeningBank);
            await EnrolledWangsAsync(await app.ClientForAsync("window"));
        }
        clock.Now = FixedClock.At(2026, 11, 20).Now;

        var onMaria = await SettleAsync(maria);
        var onLite = await SettleAsync(lite);

        onMaria.Claim.GetProperty("status").GetString().Should().Be("settled");
        onMaria.Claim.GetProperty("fundPays").GetDecimal().Should().Be(onLite.Claim.GetProperty("fundPays").GetDecimal());
        onMaria.Records.Select(r => r.Kind).Should().BeEquivalentTo(
            ["Enrollment updated", "Claim created", "ClaimLine created", "ClaimStatusChange created", "JournalEntry created", "JournalLine created"]);
        onMaria.Records.Select(r => r.Kind).Should().BeEquivalentTo(onLite.Records.Select(r => r.Kind));
        foreach (var record in onMaria.Records)
        {
            var twin = onLite.Records.Single(r => r.Kind == record.Kind);
            Comparable(record.After).Should().Be(Comparable(twin.After), $"the {record.Kind} record's values");
            Comparable(record.Before).Should().Be(Comparable(twin.Before), $"the {record.Kind} record's values before");
        }
        var lines = JsonDocument.Parse(onMaria.Records.Single(r => r.Kind == "ClaimLine created").After!).RootElement;
        lines.GetArrayLength().Should().Be(3, "one record holds the claim's three lines");

        // The rows themselves, read back over HTTP from each database: the claim with its lines, history and settlement.
        var number = onMaria.Claim.GetProperty("number").GetString();
        var stored = await (await (await maria.ClientForAsync("window")).GetAsync($"/api/claims/{number}")).ShouldBeOkAsync<JsonElement>();
        var storedLite = await (await (await lite.ClientForAsync("window")).GetAsync($"/api/claims/{number}")).ShouldBeOkAsync<JsonElement>();
        stored.GetProperty("lines").GetArrayLength().Should().Be(3);
        Normalized(stored).Should().Be(Normalized(storedLite));
        var admin = await maria.ClientForAsync("admin");
        (await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>()).GetProperty("holds").GetBoolean().Should().BeTrue();
        (await admin.PostAsync("/api/audit/seal", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await admin.GetAsync("/api/audit/verify")).ShouldBeOkAsync<JsonElement>()).GetProperty("intact").GetBoolean().Should().BeTrue();
    }

    private sealed record Record(string Kind, string? Before, string? After);

    private static async Task<(JsonElement Claim, List<Record> Records)> SettleAsync(CooperativeApp app)
    {
        var hospital = await app.FacilityClientAsync("H0001");
        var claim = await (await SubmitAsync(hospital, InpatientBill(Head), "rows-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var auditor = await app.ClientForAsync("auditor");
        var page = await (await auditor.GetAsync("/api/audit/records?actor=facility-H0001&pageSize=200")).ShouldBeOkAsync<JsonElement>();
        var records = page.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("action").GetString() != "signed-in") // the facility's sign-in for its token
            .Select(r => new Record($"{r.GetProperty("entityType").GetString()} {r.GetProperty("action").GetString()}",
                r.GetProperty("before").GetString(), r.GetProperty("after").GetString()))
            .ToList();
        return (claim, records);
    }

    /// <summary>A JSON document as text with every id (a GUID string) left out, at any depth.</summary>
    private static string Normalized(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject()
            .Where(p => !(p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out _)))
            .Select(p => $"{p.Name}:{Normalized(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Normalized)) + "]",
        // Amounts as numbers, not as each database's scale of them (DECIMAL(18,2) gives back 3000.00 for 3000, and a
        // catalogue share read from MariaDB is 0.100000 where SQLite gives 0.1).
        JsonValueKind.Number => e.GetDecimal().ToString("0.00##########", System.Globalization.CultureInfo.InvariantCulture),
        // A document kept as text (the settlement's breakdown) compared as the document it is.
        JsonValueKind.String when e.GetString() is ['{' or '[', ..] text => Normalized(JsonDocument.Parse(text).RootElement),
        _ => e.GetRawText(),
    };

    /// <summary>A record's values with every id left out (each database has its own): what must match is everything else.</summary>
    private static string? Comparable(string? json)
    {
        if (json is null) return null;
        var root = JsonDocument.Parse(json).RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? string.Join("\n", root.EnumerateArray().Select(Strip))
            : Strip(root);

        static string Strip(JsonElement e) => string.Join(";", e.EnumerateObject()
            .Where(p => !(p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out _)))
            .Select(p => $"{p.Name}={Normalized(p.Value)}"));
    }
}
