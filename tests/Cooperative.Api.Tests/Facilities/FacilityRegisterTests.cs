using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Facilities;

public sealed class FacilityRegisterTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fresh_start_has_the_187_designated_facilities_and_the_13_duties()
    {
        var admin = await _app.ClientForAsync("admin");

        var page = await (await admin.GetAsync("/api/facilities?status=designated&pageSize=200")).ShouldBeOkAsync<JsonElement>();
        var duties = await (await admin.GetAsync("/api/facilities/duties")).ShouldBeOkAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(187);
        var facilities = page.Items().ToList();
        facilities.Count(f => f.GetProperty("level").GetString() == "county").Should().BeGreaterThanOrEqualTo(4);
        facilities.Count(f => f.GetProperty("level").GetString() == "township").Should().Be(22);
        facilities.Count(f => f.GetProperty("level").GetString() == "community").Should().Be(4);
        facilities.Should().Contain(f => f.GetProperty("name").GetString() == "华泰医院" && f.GetProperty("ownership").GetString() == "private");
        facilities.Single(f => f.GetProperty("code").GetString() == "H0002").GetProperty("name").GetString().Should().Be("杭城市中医院");
        duties.GetArrayLength().Should().Be(13);
        duties[0].GetProperty("title").GetString().Should().Be("核验参合身份");
        duties[12].GetProperty("title").GetString().Should().Be("控制次均费用");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facility_contracts WHERE TerminatedOn IS NULL")).Should().Be(187);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM facility_status_changes WHERE `To` = 'Designated'")).Should().Be(187);
    }

    [Fact]
    public async Task The_register_filters_by_level_township_status_and_ownership_and_pages()
    {
        var window = await _app.ClientForAsync("window");

        var villages = await (await window.GetAsync("/api/facilities?level=village&township=东湖镇&pageSize=3&page=2")).ShouldBeOkAsync<JsonElement>();
        var privateCounty = await (await window.GetAsync("/api/facilities?level=county&ownership=private")).ShouldBeOkAsync<JsonElement>();
        var byTownshipCode = await (await window.GetAsync("/api/facilities?township=330199102&level=township")).ShouldBeOkAsync<JsonElement>();

        villages.GetProperty("total").GetInt32().Should().Be(7);
        villages.GetProperty("pageNumber").GetInt32().Should().Be(2);
        villages.Items().Should().HaveCount(3).And.OnlyContain(f =>
            f.GetProperty("townshipName").GetString() == "东湖镇" && f.GetProperty("levelName").GetString() == "村卫生室");
        privateCounty.Items().Select(f => f.GetProperty("code").GetString()).Should().OnlyContain(c => c!.StartsWith('P'));
        privateCounty.Items().Select(f => f.GetProperty("name").GetString()).Should().Contain("华泰医院");
        byTownshipCode.Items().Single().GetProperty("name").GetString().Should().Be("东湖镇卫生院");
    }

    [Fact]
    public async Task An_unknown_filter_value_is_a_validation_problem_not_an_empty_list()
    {
        var reviewer = await _app.ClientForAsync("reviewer");

        var response = await reviewer.GetAsync("/api/facilities?level=hospital&status=closed");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("level")[0].GetString().Should().Contain("级别");
        problem.GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("状态");
    }

    [Fact]
    public async Task A_facility_reads_its_own_record_with_its_bank_account_and_status_history()
    {
        var facility = await _app.FacilityClientAsync("H0001");

        var record = await (await facility.GetAsync("/api/facilities/H0001")).ShouldBeOkAsync<JsonElement>();
        var history = await (await facility.GetAsync("/api/facilities/H0001/status-history")).ShouldBeOkAsync<JsonElement>();

        record.GetProperty("name").GetString().Should().Be("杭城市人民医院");
        record.GetProperty("bankAccount").GetString().Should().MatchRegex("^[0-9]{19}$");
        record.GetProperty("licenceNumber").GetString().Should().HaveLength(22);
        record.GetProperty("status").GetString().Should().Be("designated");
        history.EnumerateArray().Single().GetProperty("to").GetString().Should().Be("designated");
    }

    [Fact]
    public async Task A_facility_token_cannot_read_another_facilitys_record_contract_or_compliance()
    {
        var h0001 = await _app.FacilityClientAsync("H0001");

        foreach (var path in new[] { "", "/contract", "/contracts", "/compliance", "/compliance.xlsx", "/inspections", "/status-history", "/eligibility" })
            await (await h0001.GetAsync($"/api/facilities/H0002{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_not_found");
        await (await h0001.GetAsync("/api/facilities")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await h0001.GetAsync("/api/facilities/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Without_a_token_the_staff_register_is_refused()
    {
        var anonymous = _app.CreateClient();

        await (await anonymous.GetAsync("/api/facilities")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.GetAsync("/api/facilities/H0001")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_public_list_shows_name_level_township_and_status_but_no_licence_bank_account_or_contacts()
    {
        var anonymous = _app.CreateClient();

        var response = await anonymous.GetAsync("/api/public/facilities?pageSize=200");
        var text = await response.Content.ReadAsStringAsync();
        var page = await response.ShouldBeOkAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(187);
        var first = page.Items().First();
        first.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("name", "level", "levelName", "township", "status", "statusName");
        text.Should().NotContainAny("licence", "bank", "phone", "head", "银行", "88139986633019911A1074", "1953010104000151875");
        page.Items().Should().Contain(f => f.GetProperty("name").GetString() == "杭城市人民医院" && f.GetProperty("township").GetString() == "城关镇");
    }

    [Fact]
    public async Task The_public_list_keeps_suspended_facilities_with_their_status_and_leaves_out_revoked_ones()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.ChangeStatusAsync("P0002", "suspended")).ShouldBeOkAsync<JsonElement>();
        await (await admin.ChangeStatusAsync("P0003", "revoked", "违规套取基金")).ShouldBeOkAsync<JsonElement>();
        var anonymous = _app.CreateClient();

        var page = await (await anonymous.GetAsync("/api/public/facilities?level=county")).ShouldBeOkAsync<JsonElement>();
        var suspended = await (await anonymous.GetAsync("/api/public/facilities?status=suspended")).ShouldBeOkAsync<JsonElement>();

        page.Items().Select(f => f.GetProperty("name").GetString()).Should().Contain("仁和医院").And.NotContain("康宁医院");
        suspended.Items().Single().GetProperty("statusName").GetString().Should().Be("暂停定点");
        await (await anonymous.GetAsync("/api/public/facilities?status=revoked")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
