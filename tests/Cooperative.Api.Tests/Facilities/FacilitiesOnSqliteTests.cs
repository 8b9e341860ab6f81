using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Facilities.FacilityCalls;

namespace Cooperative.Api.Tests.Facilities;

/// <summary>The embedded default: the same queries on SQLite, which stores decimals and dates as text.</summary>
public sealed class FacilitiesOnSqliteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task On_sqlite_the_register_is_seeded_once_and_supervision_eligibility_and_exports_work()
    {
        await using (var first = CooperativeApp.StartSqlite(_file)) _ = first.Server;
        await using var app = CooperativeApp.StartSqlite(_file);
        var admin = await app.ClientForAsync("admin");

        var page = await (await admin.GetAsync("/api/facilities?township=城关镇&level=community")).ShouldBeOkAsync<JsonElement>();
        await admin.InspectOkAsync("T0009", Finding(4, warning: true, penalty: 99.99m), Finding(4, penalty: 0.01m));
        await admin.InspectOkAsync("T0009", Finding(7, warning: true));
        var third = await admin.InspectOkAsync("T0009", Finding(8, warning: true, suspend: true));
        var compliance = await (await admin.GetAsync("/api/facilities/T0009/compliance")).ShouldBeOkAsync<JsonElement>();
        var register = await admin.GetAsync("/api/facilities/export.xlsx");
        var suspended = await (await app.CreateClient().GetAsync("/api/public/facilities?status=suspended")).ShouldBeOkAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(4);
        (await (await admin.GetAsync("/api/facilities?pageSize=1")).ShouldBeOkAsync<JsonElement>()).GetProperty("total").GetInt32().Should().Be(187);
        third.GetProperty("facilityStatus").GetString().Should().Be("revoked");
        suspended.GetProperty("total").GetInt32().Should().Be(0, "a revoked facility leaves the public list");
        (await (await app.CreateClient().GetAsync("/api/public/facilities?pageSize=1")).ShouldBeOkAsync<JsonElement>())
            .GetProperty("total").GetInt32().Should().Be(186);
        (await admin.EligibilityAsync("T0009")).GetProperty("code").GetString().Should().Be("facility_not_designated");
        (await admin.EligibilityAsync("T0010")).GetProperty("eligible").GetBoolean().Should().BeTrue();
        compliance.GetProperty("totalPenalties").GetDecimal().Should().Be(100.00m);
        register.StatusCode.Should().Be(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await register.Content.ReadAsByteArrayAsync()));
        workbook.Worksheet(1).RangeUsed().RowCount().Should().Be(188);
    }
}
