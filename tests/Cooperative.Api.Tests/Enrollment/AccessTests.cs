using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

/// <summary>Auditors read everything of enrolment and change nothing.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_auditor_reads_households_persons_receipts_and_coverage_but_every_write_is_forbidden()
    {
        var wangs = await EnrolledWangsAsync(await _app.ClientForAsync("window"));
        var auditor = await _app.ClientForAsync("auditor");
        var person = MemberIds(wangs)[2];

        foreach (var read in new[] { $"/api/households/{IdOf(wangs)}", $"/api/persons/{person}", $"/api/receipts/{ThisYear}-000001",
                     $"/api/coverage?idNumber={Son.IdNumber}", $"/api/households?q=王", $"/api/persons?q=王",
                     $"/api/enrollment/statistics?fundYear={ThisYear}" })
            (await auditor.GetAsync(read)).StatusCode.Should().Be(HttpStatusCode.OK, read);

        var writes = new Dictionary<string, HttpContent>
        {
            ["/api/households"] = JsonContent.Create(Request("3301991010010009", [new Member(Id("19800808", 81), "孙明", "户主")])),
            [$"/api/households/{IdOf(wangs)}/members"] = JsonContent.Create(new { idNumber = Id("20200202", 82), name = "王宝", relationship = "孙子女" }),
            [$"/api/households/{IdOf(wangs)}/enrollments"] = JsonContent.Create(new { fundYear = ThisYear + 1, personIds = MemberIds(wangs) }),
            [$"/api/persons/{person}/death"] = JsonContent.Create(new { date = Today }),
            [$"/api/persons/{person}/departure"] = JsonContent.Create(new { date = Today }),
            ["/api/enrollment/import"] = new MultipartFormDataContent { { new ByteArrayContent(Registers.Csv(Registers.Rows(2))), "file", "a.csv" } },
        };
        foreach (var (path, content) in writes)
            await (await auditor.PostAsync(path, content)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM persons")).Should().Be(3);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM enrollments")).Should().Be(3);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM persons WHERE Status <> 'Active'")).Should().Be(0);
    }
}

/// <summary>The whole feature on the embedded SQLite default: the queries must work on both providers.</summary>
public sealed class EnrollmentOnSqliteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task Register_enrol_check_coverage_search_and_count_on_sqlite()
    {
        await using var app = CooperativeApp.StartSqlite(_file);
        var window = await app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        var zhao = await RegisterAsync(window, "3301991010010002", [new Member(Id("19750505", 55), "赵敏", "户主")]);

        var first = await (await EnrollAsync(window, IdOf(wangs), ThisYear, MemberIds(wangs))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var second = await (await EnrollAsync(window, IdOf(zhao), ThisYear, MemberIds(zhao))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        await (await EnrollAsync(window, IdOf(zhao), ThisYear, MemberIds(zhao))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_enrolled");

        (first.GetProperty("number").GetString(), second.GetProperty("number").GetString()).Should().Be(($"{ThisYear}-000001", $"{ThisYear}-000002"));
        var facility = await app.FacilityClientAsync();
        var covered = await (await facility.GetAsync($"/api/coverage?idNumber={Wife.IdNumber}&date={Today}")).ShouldBeOkAsync<JsonElement>();
        (covered.GetProperty("covered").GetBoolean(), covered.GetProperty("name").GetString()).Should().Be((true, "李*英"));
        var card = await (await facility.GetAsync($"/api/coverage?cardNumber=3301991010010001&date={Today}")).ShouldBeOkAsync<JsonElement>();
        card.GetProperty("members").GetArrayLength().Should().Be(3);
        var found = await (await window.GetAsync("/api/persons?q=王")).ShouldBeOkAsync<JsonElement>();
        found.GetProperty("total").GetInt32().Should().Be(2);
        var households = await (await window.GetAsync($"/api/households?q={Son.IdNumber}")).ShouldBeOkAsync<JsonElement>();
        households.GetProperty("items")[0].GetProperty("memberCount").GetInt32().Should().Be(3);
        var statistics = await (await window.GetAsync($"/api/enrollment/statistics?fundYear={ThisYear}")).ShouldBeOkAsync<JsonElement>();
        statistics.GetProperty("county").GetProperty("enrolled").GetInt32().Should().Be(4);
        (await window.GetAsync($"/api/enrollment/statistics.xlsx?fundYear={ThisYear}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
