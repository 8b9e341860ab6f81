using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class CoverageTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string ById(string id, string? date = null) => $"/api/coverage?idNumber={id}&date={date ?? Today}";

    [Fact]
    public async Task An_enrolled_person_is_covered_and_staff_see_his_full_name_and_remaining_caps()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);

        var answer = await (await window.GetAsync(ById(Wife.IdNumber))).ShouldBeOkAsync<JsonElement>();

        answer.GetProperty("covered").GetBoolean().Should().BeTrue();
        answer.GetProperty("reason").ValueKind.Should().Be(JsonValueKind.Null);
        (answer.GetProperty("fundYear").GetInt32(), answer.GetProperty("cardNumber").GetString()).Should().Be((ThisYear, "3301991010010001"));
        (answer.GetProperty("name").GetString(), answer.GetProperty("idNumber").GetString()).Should().Be((Wife.Name, Wife.IdNumber));
        var remaining = answer.GetProperty("remaining");
        (remaining.GetProperty("inpatient").GetDecimal(), remaining.GetProperty("outpatient").GetDecimal()).Should().Be((150_000m, 300m));
    }

    [Fact]
    public async Task A_facility_gets_the_same_answer_with_the_name_and_id_number_masked()
    {
        await EnrolledWangsAsync(await _app.ClientForAsync("window"));
        var facility = await _app.FacilityClientAsync("H0002");

        var text = await (await facility.GetAsync(ById(Head.IdNumber))).Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(text).RootElement;

        answer.GetProperty("covered").GetBoolean().Should().BeTrue();
        answer.GetProperty("name").GetString().Should().Be("王*国");
        answer.GetProperty("idNumber").GetString().Should().Be($"3301**********{Head.IdNumber[^4..]}");
        text.Should().NotContain(Head.IdNumber).And.NotContain("王建国").And.NotContain("personId").And.NotContain("birthDate");
    }

    [Fact]
    public async Task A_registered_person_who_did_not_pay_is_not_enrolled()
    {
        var window = await _app.ClientForAsync("window");
        await RegisterWangsAsync(window);

        var answer = await (await window.GetAsync(ById(Son.IdNumber))).ShouldBeOkAsync<JsonElement>();

        (answer.GetProperty("covered").GetBoolean(), answer.GetProperty("reason").GetString()).Should().Be((false, "not_enrolled"));
        answer.GetProperty("remaining").ValueKind.Should().Be(JsonValueKind.Null);
        answer.GetProperty("cardNumber").GetString().Should().Be("3301991010010001");
    }

    [Fact]
    public async Task A_person_enrolled_for_another_year_is_not_covered_in_this_one()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);

        var answer = await (await window.GetAsync(ById(Son.IdNumber, $"{ThisYear - 1}-06-30"))).ShouldBeOkAsync<JsonElement>();

        (answer.GetProperty("covered").GetBoolean(), answer.GetProperty("reason").GetString(), answer.GetProperty("fundYear").GetInt32())
            .Should().Be((false, "wrong_year", ThisYear - 1));
        answer.GetProperty("message").GetString().Should().Contain("未参加");
    }

    [Fact]
    public async Task Cover_does_not_reach_back_before_the_day_of_enrolment()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        var yesterday = CountyNow.AddDays(-1);
        if (yesterday.Year != ThisYear) return; // on 1 January the day before is another fund year

        var answer = await (await window.GetAsync(ById(Son.IdNumber, yesterday.ToString("yyyy-MM-dd")))).ShouldBeOkAsync<JsonElement>();

        answer.GetProperty("reason").GetString().Should().Be("before_enrollment");
    }

    [Theory]
    [InlineData("330199197001010110", "id_number_checksum")]
    [InlineData("33019919700101011", "id_number_format")]
    [InlineData("330199197002300110", "id_number_birth_date")]
    public async Task A_bad_id_number_is_a_problem_with_a_stable_code(string id, string code)
    {
        var facility = await _app.FacilityClientAsync();
        var idNumber = code == "id_number_checksum" ? WithBadChecksum(Head.IdNumber) : id;

        var problem = await (await facility.GetAsync(ById(idNumber))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);

        problem.GetProperty("title").GetString().Should().Contain("身份证号码");
    }

    [Fact]
    public async Task An_id_number_nobody_registered_is_person_not_found()
    {
        var facility = await _app.FacilityClientAsync();

        await (await facility.GetAsync(ById(Head.IdNumber))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task Remaining_caps_are_what_claims_have_not_used_and_never_below_zero()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        await _app.Database!.ExecuteAsync(
            $"UPDATE enrollments e JOIN persons p ON p.Id = e.PersonId SET e.UsageJson = '{{\"inpatient\":12345.67,\"outpatient\":450.00}}' WHERE p.IdNumber = '{Son.IdNumber}'");

        var remaining = (await (await window.GetAsync(ById(Son.IdNumber))).ShouldBeOkAsync<JsonElement>()).GetProperty("remaining");

        (remaining.GetProperty("inpatient").GetDecimal(), remaining.GetProperty("outpatient").GetDecimal()).Should().Be((137_654.33m, 0m));
    }

    [Fact]
    public async Task A_card_number_check_answers_for_every_member_masked_for_facilities()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        await (await EnrollAsync(window, IdOf(wangs), ThisYear, MemberIds(wangs).Take(2))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var facility = await _app.FacilityClientAsync();

        var answer = await (await facility.GetAsync($"/api/coverage?cardNumber=3301991010010001&date={Today}")).ShouldBeOkAsync<JsonElement>();

        answer.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("covered").GetBoolean()))
            .Should().BeEquivalentTo([("王*国", true), ("李*英", true), ("王*", false)]);
        await (await facility.GetAsync("/api/coverage?cardNumber=3301991010019999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "household_not_found");
    }

    [Fact]
    public async Task A_person_who_died_is_covered_until_the_day_of_death()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await EnrolledWangsAsync(window);
        var head = MemberIds(wangs)[0];

        (await window.PostAsJsonAsync($"/api/persons/{head}/death", new { date = Today })).StatusCode.Should().Be(HttpStatusCode.OK);

        var answer = await (await window.GetAsync(ById(Head.IdNumber))).ShouldBeOkAsync<JsonElement>();
        (answer.GetProperty("covered").GetBoolean(), answer.GetProperty("reason").GetString()).Should().Be((false, "person_inactive"));
        var household = await (await window.GetAsync($"/api/households/{IdOf(wangs)}")).ShouldBeOkAsync<JsonElement>();
        household.GetProperty("formerMembers").EnumerateArray().Single().GetProperty("status").GetString().Should().Be("deceased");
        await (await window.PostAsJsonAsync($"/api/persons/{head}/departure", new { date = Today }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "person_inactive");
    }

    [Fact]
    public async Task Asking_without_an_id_or_card_number_or_with_a_bad_date_is_a_validation_problem()
    {
        var window = await _app.ClientForAsync("window");

        var errors = (await (await window.GetAsync("/api/coverage?date=2026-02-30")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors");

        errors.GetProperty("idNumber")[0].GetString().Should().Contain("二选一");
        errors.GetProperty("date")[0].GetString().Should().Contain("yyyy-MM-dd");
    }

    [Fact]
    public async Task The_public_may_not_check_coverage()
    {
        var response = await _app.CreateClient().GetAsync(ById(Head.IdNumber));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
