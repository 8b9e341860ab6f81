using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

/// <summary>
/// One "today": the county's date (China Standard Time) for enrolment, coverage and claims alike, on a server
/// whose own clock may say UTC. Just after midnight in the county it is still yesterday in UTC.
/// </summary>
public sealed class CountyDayTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(23, 30)]
    public async Task Enrolment_coverage_and_claims_agree_on_the_county_date(int hour, int minute)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 5, hour, minute, 0, TimeSpan.FromHours(8)));
        await using var app = await CooperativeApp.StartAsync(clock: clock);
        var window = await app.ClientForAsync("window");

        var household = await RegisterWangsAsync(window);
        var receipt = await (await EnrollAsync(window, IdOf(household), 2026, MemberIds(household))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        receipt.GetProperty("issuedOn").GetString().Should().Be("2026-01-05");
        var person = await (await window.GetAsync($"/api/persons/{MemberIds(household)[0]}")).ShouldBeOkAsync<JsonElement>();
        person.ToString().Should().Contain("\"enrolledOn\":\"2026-01-05\"");

        var coverage = await (await window.GetAsync($"/api/coverage?idNumber={Head.IdNumber}")).ShouldBeOkAsync<JsonElement>();
        coverage.GetProperty("date").GetString().Should().Be("2026-01-05");
        coverage.GetProperty("covered").GetBoolean().Should().BeTrue();

        var visit = OneBillOneClaimTests.Bill(Head, "MZ-0105", admitted: "2026-01-05", discharged: "2026-01-05", visit: "outpatient", amount: 60m);
        var claim = await (await ClaimScenario.SubmitAsync(await app.FacilityClientAsync("H0001"), visit, "k-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        claim.GetProperty("status").GetString().Should().Be("settled", "a visit today, by the county's date, after cover began today");
    }
}
