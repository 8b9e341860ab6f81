using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Facilities;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Claims.OneBillOneClaimTests;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.County;

/// <summary>
/// A second county is a configuration and a seed folder: 青溪县 (<c>County/SecondCounty</c>: two townships, three
/// facilities, three duties), on SQLite. Nothing of the sample county 杭城市 shows.
/// </summary>
public sealed class SecondCountyTests : IDisposable
{
    private static readonly string Folder =
        Path.Combine(TestServer.RepositoryRoot, "tests", "Cooperative.Api.Tests", "County", "SecondCounty");

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");
    private readonly string _incomplete = Path.Combine(Path.GetTempPath(), $"coop-seed-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm", _file + ".checkpoints.jsonl" }) File.Delete(f);
        if (Directory.Exists(_incomplete)) Directory.Delete(_incomplete, recursive: true);
    }

    private CooperativeApp Start(string folder, TimeProvider? clock = null) =>
        CooperativeApp.StartSqlite(_file, clock: clock, configure: s =>
        {
            s["County:Name"] = "青溪县";
            s["County:Code"] = "331199";
            s["County:SeedFolder"] = folder;
        });

    [Fact]
    public async Task The_county_its_townships_facilities_and_duties_come_from_its_configuration_and_seed_folder()
    {
        await using var app = Start(Folder);
        var anonymous = app.CreateClient();
        var admin = await app.ClientForAsync("admin");

        var county = await (await anonymous.GetAsync("/api/public/county")).ShouldBeOkAsync<JsonElement>();
        var townships = await (await anonymous.GetAsync("/api/townships")).ShouldBeOkAsync<JsonElement>();
        var register = await (await anonymous.GetAsync("/api/public/facilities")).ShouldBeOkAsync<JsonElement>();
        var duties = await (await admin.GetAsync("/api/facilities/duties")).ShouldBeOkAsync<JsonElement>();
        var letter = await (await admin.GetAsync("/api/facilities/H0001/contract")).ShouldBeOkAsync<JsonElement>();
        var diagnoses = await (await anonymous.GetAsync("/api/reference/diagnoses")).ShouldBeOkAsync<JsonElement>();
        var signIn = await ConsoleSignIn.For(app).OpenPageAsync();

        county.GetProperty("name").GetString().Should().Be("青溪县");
        county.GetProperty("code").GetString().Should().Be("331199");
        county.GetProperty("office").GetString().Should().Be("青溪县新型农村合作医疗管理办公室");
        townships.EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal("青溪镇", "白沙乡");
        townships[1].GetProperty("villages")[0].GetProperty("name").GetString().Should().Be("白沙村");
        register.GetProperty("total").GetInt32().Should().Be(3);
        register.Items().Select(f => f.GetProperty("name").GetString())
            .Should().BeEquivalentTo("青溪县人民医院", "白沙乡卫生院", "白沙村卫生室");
        duties.EnumerateArray().Select(d => d.GetProperty("title").GetString())
            .Should().Equal("核验参合身份", "合理检查合理用药", "费用清单与即时结报");
        letter.GetProperty("bureauSignatory").GetString().Should().Be("青溪县卫生局");
        letter.GetProperty("duties").GetArrayLength().Should().Be(3);
        diagnoses.EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Equal("J18.9", "K35.8");
        signIn.Html.Should().Contain("<title>青溪县新农合管理系统 - 登录</title>");
    }

    [Fact]
    public async Task The_settlement_statement_bears_the_county_name()
    {
        var clock = FixedClock.At(2026, 1, 5);
        await using var app = Start(Folder, clock);
        await Fund.LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", OpeningBank);
        var enroller = await app.ClientForAsync("window");
        var household = await RegisterAsync(enroller, "3311991010010001", [Head, Wife, Son], "331199101", "331199101001");
        await (await EnrollAsync(enroller, IdOf(household), 2026, MemberIds(household)))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var window = await app.ClientForAsync("window");

        var claim = await (await SubmitAsync(await app.FacilityClientAsync("H0001"), Bill(Head, "QX-0001"), "qx-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString();
        var html = await window.GetStringAsync($"/api/claims/{number}/statement.html");
        var xlsx = await window.GetByteArrayAsync($"/api/claims/{number}/statement.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));

        html.Should().Contain("<h1>青溪县新型农村合作医疗补偿结算单</h1>").And.Contain("青溪县人民医院").And.NotContain("杭城");
        workbook.Worksheet("结算单").Cell(1, 1).GetString().Should().Be("青溪县新型农村合作医疗补偿结算单");
    }

    [Fact]
    public async Task A_seed_folder_without_one_of_its_files_stops_the_start_and_says_which()
    {
        Directory.CreateDirectory(_incomplete);
        foreach (var file in Directory.GetFiles(Folder, "*.csv").Where(f => Path.GetFileName(f) != "facilities.csv"))
            File.Copy(file, Path.Combine(_incomplete, Path.GetFileName(file)));
        await using var app = Start(_incomplete);

        var start = () => app.Server;

        start.Should().Throw<Exception>().Which.ToString()
            .Should().Contain($"County:SeedFolder {_incomplete} has no facilities.csv");
    }
}
