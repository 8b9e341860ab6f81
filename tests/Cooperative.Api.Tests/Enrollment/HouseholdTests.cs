using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class HouseholdTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_window_registers_a_household_with_its_members_decoded_from_their_id_numbers()
    {
        var window = await _app.ClientForAsync("window");

        var household = await RegisterWangsAsync(window);

        household.GetProperty("cardNumber").GetString().Should().Be("3301991010010001");
        var members = household.GetProperty("members").EnumerateArray().ToList();
        members.Should().HaveCount(3);
        members[0].GetProperty("relationship").GetString().Should().Be("head");
        household.GetProperty("headPersonId").GetGuid().Should().Be(members[0].GetProperty("personId").GetGuid());
        var wife = members.Single(m => m.GetProperty("name").GetString() == "李秀英");
        wife.GetProperty("gender").GetString().Should().Be("female");
        wife.GetProperty("birthDate").GetString().Should().Be("1972-03-05");
        wife.GetProperty("category").GetString().Should().Be("dibao");
        wife.GetProperty("from").GetString().Should().Be(Today);
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM memberships WHERE `To` IS NULL")).Should().Be(3);
    }

    [Fact]
    public async Task Every_registered_row_leaves_an_audit_record()
    {
        var window = await _app.ClientForAsync("window");

        await RegisterWangsAsync(window);

        (await _app.Database!.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_records WHERE Actor = 'window' AND EntityType IN ('Person', 'Household', 'Membership')"))
            .Should().Be(7);
    }

    [Fact]
    public async Task A_bad_id_checksum_is_a_validation_problem_naming_the_member_and_nothing_is_stored()
    {
        var window = await _app.ClientForAsync("window");
        var son = Son with { IdNumber = WithBadChecksum(Son.IdNumber) };

        var response = await window.PostAsJsonAsync("/api/households", Request("3301991010010001", [Head, Wife, son]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("members[2].idNumber")[0].GetString().Should().Be("身份证号码校验位错误");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM persons")).Should().Be(0);
    }

    [Fact]
    public async Task A_village_of_another_township_is_refused()
    {
        var window = await _app.ClientForAsync("window");

        var response = await window.PostAsJsonAsync("/api/households",
            Request("3301991010010001", [Wife, Son], township: Township, village: OtherVillage));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.GetProperty("villageCode")[0].GetString().Should().Contain("不属于");
    }

    [Fact]
    public async Task A_household_without_a_head_is_refused()
    {
        var window = await _app.ClientForAsync("window");

        var response = await window.PostAsJsonAsync("/api/households", Request("3301991010010001", [Wife, Son]));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.GetProperty("members")[0].GetString().Should().Be("每户必须有且只有一名户主");
    }

    [Fact]
    public async Task A_card_number_or_a_person_registered_before_is_a_conflict()
    {
        var window = await _app.ClientForAsync("window");
        await RegisterWangsAsync(window);
        var other = new Member(Id("19800202", 45), "赵四", "户主");

        var sameCard = await window.PostAsJsonAsync("/api/households", Request("3301991010010001", [other]));
        var samePerson = await window.PostAsJsonAsync("/api/households", Request("3301991010010002", [other, Son with { Relationship = "兄弟姐妹" }]));

        await sameCard.ShouldBeProblemAsync(HttpStatusCode.Conflict, "household_card_exists");
        var problem = await samePerson.ShouldBeProblemAsync(HttpStatusCode.Conflict, "person_already_registered");
        problem.GetProperty("detail").GetString().Should().Contain(Son.IdNumber);
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM households")).Should().Be(1);
    }

    [Fact]
    public async Task Moving_a_member_closes_his_old_membership_and_keeps_the_history()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        await _app.Database!.ExecuteAsync("UPDATE memberships SET `From` = '2020-01-01'");
        var zhao = await RegisterAsync(window, "3301991010010002", [new Member(Id("19750505", 55), "赵敏", "户主")]);

        var moved = await window.PostAsJsonAsync($"/api/households/{IdOf(zhao)}/members",
            new { idNumber = Son.IdNumber, name = Son.Name, relationship = "女婿" });

        var household = await moved.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Should().Equal("赵敏", "王磊");
        var before = await (await window.GetAsync($"/api/households/{IdOf(wangs)}")).ShouldBeOkAsync<JsonElement>();
        before.GetProperty("members").GetArrayLength().Should().Be(2);
        var former = before.GetProperty("formerMembers").EnumerateArray().Single();
        (former.GetProperty("name").GetString(), former.GetProperty("to").GetString()).Should().Be(("王磊", Today));
        var person = await (await window.GetAsync($"/api/persons/{former.GetProperty("personId").GetGuid()}")).ShouldBeOkAsync<JsonElement>();
        person.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("cardNumber").GetString())
            .Should().Equal("3301991010010001", "3301991010010002");
    }

    [Fact]
    public async Task The_head_cannot_move_to_another_household()
    {
        var window = await _app.ClientForAsync("window");
        await RegisterWangsAsync(window);
        var zhao = await RegisterAsync(window, "3301991010010002", [new Member(Id("19750505", 55), "赵敏", "户主")]);

        var response = await window.PostAsJsonAsync($"/api/households/{IdOf(zhao)}/members",
            new { idNumber = Head.IdNumber, name = Head.Name, relationship = "配偶" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "person_is_head");
    }

    [Fact]
    public async Task A_newborn_joins_the_household_as_a_new_person()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        var baby = Id("20260101", 66);

        var response = await window.PostAsJsonAsync($"/api/households/{IdOf(wangs)}/members",
            new { idNumber = baby, name = "王小宝", relationship = "孙子女" });

        var household = await response.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        household.GetProperty("members").GetArrayLength().Should().Be(4);
        (await _app.Database!.ScalarAsync<string>($"SELECT Gender FROM persons WHERE IdNumber = '{baby}'")).Should().Be("Female");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("reviewer")]
    public async Task Only_the_window_and_administrators_may_register_households(string role)
    {
        var client = await _app.ClientForAsync(role);

        var response = await client.PostAsJsonAsync("/api/households", Request("3301991010010001", [Head]));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_facility_may_not_register_households_nor_record_deaths()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        var facility = await _app.FacilityClientAsync();

        var register = await facility.PostAsJsonAsync("/api/households", Request("3301991010010002", [Head]));
        var death = await facility.PostAsJsonAsync($"/api/persons/{MemberIds(wangs)[0]}/death", new { date = Today });

        await register.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await death.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_household_is_not_found()
    {
        var window = await _app.ClientForAsync("window");

        await (await window.GetAsync($"/api/households/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "household_not_found");
    }
}
