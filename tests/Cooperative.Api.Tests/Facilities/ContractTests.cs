using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Facilities;

public sealed class ContractTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object NextYearLetter(string signatory = "秦云丽")
    {
        var year = FacilityCalls.Today.Year + 1;
        return new
        {
            termStart = $"{year}-01-01", termEnd = $"{year}-12-31", signedOn = FacilityCalls.Today.Iso(),
            bureauSignatory = "杭城市卫生局", facilitySignatory = signatory,
        };
    }

    [Fact]
    public async Task A_facility_reads_its_own_letter_with_the_13_duties_and_both_signatories()
    {
        var facility = await _app.FacilityClientAsync("H0001");

        var letter = await (await facility.GetAsync("/api/facilities/H0001/contract")).ShouldBeOkAsync<JsonElement>();

        letter.GetProperty("number").GetString().Should().Be($"ZRS-{FacilityCalls.Today.Year}-H0001");
        letter.GetProperty("termStart").GetString().Should().Be($"{FacilityCalls.Today.Year}-01-01");
        letter.GetProperty("termEnd").GetString().Should().Be($"{FacilityCalls.Today.Year}-12-31");
        letter.GetProperty("bureauSignatory").GetString().Should().Be("杭城市卫生局");
        letter.GetProperty("facilitySignatory").GetString().Should().NotBeNullOrWhiteSpace();
        var duties = letter.GetProperty("duties").EnumerateArray().ToList();
        duties.Should().HaveCount(13);
        duties[5].GetProperty("title").GetString().Should().Be("出院即时结报");
    }

    [Fact]
    public async Task Editing_a_duty_changes_the_next_letter_but_not_the_one_already_signed()
    {
        var admin = await _app.ClientForAsync("admin");

        await (await admin.PutAsJsonAsync("/api/facilities/duties/13", new { title = "控制次均费用增长", description = "次均费用增长率不超过10%" }))
            .ShouldBeOkAsync<JsonElement>();
        await (await admin.PutAsJsonAsync("/api/facilities/duties/14", new { title = "落实临床路径", description = "按规定开展单病种临床路径管理" }))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var next = await (await admin.PostAsJsonAsync("/api/facilities/H0001/contracts", NextYearLetter())).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        next.GetProperty("duties").EnumerateArray().Should().HaveCount(14);
        next.GetProperty("duties")[12].GetProperty("title").GetString().Should().Be("控制次均费用增长");
        var current = await (await admin.GetAsync("/api/facilities/H0001/contract")).ShouldBeOkAsync<JsonElement>();
        current.GetProperty("duties").EnumerateArray().Should().HaveCount(13);
        current.GetProperty("duties")[12].GetProperty("title").GetString().Should().Be("控制次均费用");
        var all = await (await admin.GetAsync("/api/facilities/H0001/contracts")).ShouldBeOkAsync<JsonElement>();
        all.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task A_letter_overlapping_a_signed_term_is_a_conflict()
    {
        var admin = await _app.ClientForAsync("admin");
        var year = FacilityCalls.Today.Year;

        var response = await admin.PostAsJsonAsync("/api/facilities/H0002/contracts", new
        {
            termStart = $"{year}-07-01", termEnd = $"{year + 1}-06-30", signedOn = $"{year}-06-20",
            bureauSignatory = "杭城市卫生局", facilitySignatory = "于东",
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "contract_term_overlaps");
    }

    [Fact]
    public async Task A_letter_ending_before_it_starts_is_a_validation_problem()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/facilities/H0002/contracts", new
        {
            termStart = "2027-12-31", termEnd = "2027-01-01", signedOn = "2026-12-01", bureauSignatory = "杭城市卫生局",
        });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.GetProperty("termEnd")[0].GetString().Should().Contain("不能早于");
        errors.GetProperty("facilitySignatory")[0].GetString().Should().Be("乙方签署人不能为空");
    }

    [Fact]
    public async Task Staff_other_than_administrators_cannot_edit_duties_or_sign_letters()
    {
        var window = await _app.ClientForAsync("window");
        var auditor = await _app.ClientForAsync("auditor");
        var facility = await _app.FacilityClientAsync("H0001");

        await (await window.PutAsJsonAsync("/api/facilities/duties/1", new { title = "x", description = "y" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await auditor.PostAsJsonAsync("/api/facilities/H0001/contracts", NextYearLetter()))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.PostAsJsonAsync("/api/facilities/H0001/contracts", NextYearLetter()))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<string>("SELECT Title FROM responsibility_duties WHERE Number = 1")).Should().Be("核验参合身份");
    }
}
