using System.Text.Json;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Registers;

namespace Cooperative.Api.Tests.Enrollment;

/// <summary>The import's other writers: INSERT statements (servers without LOAD DATA LOCAL) and EF on the embedded SQLite.</summary>
public sealed class ImportPathTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task Without_bulk_copy_mariadb_imports_by_insert_statements_all_or_nothing_and_once()
    {
        await using var app = await CooperativeApp.StartAsync(s => s[RegisterWriter.BulkCopySetting] = "false");
        var window = await app.ClientForAsync("window");
        var rows = Rows(households: 300, seed: 9);

        await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();
        var again = await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();

        again.GetProperty("personsCreated").GetInt32().Should().Be(0);
        (await app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM persons")).Should().Be(rows.Count - 1);
        (await app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM memberships")).Should().Be(rows.Count - 1);
    }

    [Fact]
    public async Task The_embedded_sqlite_default_imports_once_with_one_audit_record()
    {
        await using var app = CooperativeApp.StartSqlite(_file);
        var window = await app.ClientForAsync("window");
        var rows = Rows(households: 100, seed: 13);

        var first = await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();
        var again = await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();

        first.GetProperty("personsCreated").GetInt32().Should().Be(rows.Count - 1);
        (again.GetProperty("personsCreated").GetInt32(), again.GetProperty("personsUnchanged").GetInt32()).Should().Be((0, rows.Count - 1));
        var persons = await (await window.GetAsync("/api/persons?pageSize=1")).ShouldBeOkAsync<JsonElement>();
        persons.GetProperty("total").GetInt32().Should().Be(rows.Count - 1);
        var auditor = await app.ClientForAsync("auditor");
        async Task<int> Records(string type) => (await (await auditor.GetAsync($"/api/audit/records?actor=window&entityType={type}"))
            .ShouldBeOkAsync<JsonElement>()).GetProperty("total").GetInt32();
        (await Records(ImportApi.AuditEntityType), await Records("Person"), await Records("Membership")).Should().Be((1, 0, 0));
    }
}
