using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class SearchTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync();
        var window = await _app.ClientForAsync("window");
        await RegisterWangsAsync(window);
        await RegisterAsync(window, "3301991020010001", [new Member(Id("19750505", 55), "王芳", "户主"), new Member(Id("19990909", 66), "刘洋", "子女")],
            OtherTownship, OtherVillage);
        _reviewer = await _app.ClientForAsync("reviewer");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<string?>> PersonNamesAsync(string q, string paging = "") =>
        (await (await _reviewer.GetAsync($"/api/persons?q={Uri.EscapeDataString(q)}{paging}")).ShouldBeOkAsync<JsonElement>())
        .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task Persons_are_found_by_the_start_of_their_name_their_id_number_or_their_card_number()
    {
        (await PersonNamesAsync("王")).Should().BeEquivalentTo("王建国", "王磊", "王芳");
        (await PersonNamesAsync("王建")).Should().Equal("王建国");
        (await PersonNamesAsync(Wife.IdNumber)).Should().Equal("李秀英");
        (await PersonNamesAsync("3301991020010001")).Should().BeEquivalentTo("王芳", "刘洋");
        (await PersonNamesAsync("张")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_person_found_shows_his_present_household()
    {
        var page = await (await _reviewer.GetAsync($"/api/persons?q={Son.IdNumber}")).ShouldBeOkAsync<JsonElement>();

        var household = page.GetProperty("items")[0].GetProperty("household");
        (household.GetProperty("cardNumber").GetString(), household.GetProperty("relationship").GetString())
            .Should().Be(("3301991010010001", "child"));
    }

    [Fact]
    public async Task Results_come_in_pages_with_the_total()
    {
        var page = await (await _reviewer.GetAsync("/api/persons?page=2&pageSize=2")).ShouldBeOkAsync<JsonElement>();

        (page.GetProperty("total").GetInt32(), page.GetProperty("pageNumber").GetInt32(), page.GetProperty("items").GetArrayLength())
            .Should().Be((5, 2, 2));
    }

    [Fact]
    public async Task Households_are_found_by_card_number_member_name_or_member_id_number()
    {
        async Task<List<string?>> Cards(string q) =>
            (await (await _reviewer.GetAsync($"/api/households?q={Uri.EscapeDataString(q)}")).ShouldBeOkAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Select(h => h.GetProperty("cardNumber").GetString()).ToList();

        (await Cards("王")).Should().Equal("3301991010010001", "3301991020010001");
        (await Cards("刘洋")).Should().Equal("3301991020010001");
        (await Cards(Son.IdNumber)).Should().Equal("3301991010010001");
        var summary = (await (await _reviewer.GetAsync("/api/households?q=3301991010010001")).ShouldBeOkAsync<JsonElement>()).GetProperty("items")[0];
        (summary.GetProperty("headName").GetString(), summary.GetProperty("memberCount").GetInt32()).Should().Be(("王建国", 3));
    }

    [Fact]
    public async Task A_facility_may_not_search_persons_or_households()
    {
        var facility = await _app.FacilityClientAsync();

        await (await facility.GetAsync("/api/persons?q=王")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.GetAsync("/api/households?q=王")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_public_may_not_search()
    {
        await (await _app.CreateClient().GetAsync("/api/persons?q=王")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
