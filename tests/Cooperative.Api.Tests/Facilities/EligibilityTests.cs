using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Facilities.FacilityCalls;

namespace Cooperative.Api.Tests.Facilities;

/// <summary>The check the claims feature makes on every submission, observed over HTTP.</summary>
public sealed class EligibilityTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_designated_facility_bound_by_a_letter_is_eligible()
    {
        var facility = await _app.FacilityClientAsync("H0001");

        var result = await facility.EligibilityAsync("H0001");

        result.GetProperty("eligible").GetBoolean().Should().BeTrue();
        result.GetProperty("code").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_service_date_outside_every_letter_is_refused_with_no_active_contract()
    {
        var window = await _app.ClientForAsync("window");

        var result = await window.EligibilityAsync("V0001", new DateOnly(Today.Year - 1, 6, 15));

        result.GetProperty("eligible").GetBoolean().Should().BeFalse();
        result.GetProperty("code").GetString().Should().Be("facility_no_active_contract");
        result.GetProperty("message").GetString().Should().Contain("医疗服务责任书");
    }

    [Fact]
    public async Task An_unknown_facility_is_refused_with_facility_not_found()
    {
        var reviewer = await _app.ClientForAsync("reviewer");

        var result = await reviewer.EligibilityAsync("X0001");

        result.GetProperty("code").GetString().Should().Be("facility_not_found");
    }

    [Fact]
    public async Task Suspending_a_facility_refuses_its_claims_at_once_and_its_tokens_within_seconds()
    {
        var facility = await _app.FacilityClientAsync("H0002");
        var admin = await _app.ClientForAsync("admin");

        await (await admin.ChangeStatusAsync("H0002", "suspended", "拒不配合监督检查")).ShouldBeOkAsync<JsonElement>();

        var result = await admin.EligibilityAsync("H0002");
        result.GetProperty("eligible").GetBoolean().Should().BeFalse();
        result.GetProperty("code").GetString().Should().Be("facility_suspended");
        await (await facility.GetAsync("/api/facilities/H0002")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
    }

    [Fact]
    public async Task A_revoked_facility_is_refused_as_not_designated_and_cannot_be_reinstated_without_applying_again()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.ChangeStatusAsync("P0004", "revoked", "以虚假材料骗取定点资格")).ShouldBeOkAsync<JsonElement>();

        var result = await admin.EligibilityAsync("P0004");
        var reinstate = await admin.ChangeStatusAsync("P0004", "designated");

        result.GetProperty("code").GetString().Should().Be("facility_not_designated");
        result.GetProperty("message").GetString().Should().Contain("取消定点");
        await reinstate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_status_transition_invalid");
        (await (await admin.ChangeStatusAsync("P0004", "applying", "重新申请定点")).ShouldBeOkAsync<JsonElement>())
            .GetProperty("to").GetString().Should().Be("applying");
    }

    [Fact]
    public async Task A_bad_date_is_a_400_problem_and_the_auditor_may_read_eligibility_but_not_change_status()
    {
        var auditor = await _app.ClientForAsync("auditor");

        await (await auditor.GetAsync("/api/facilities/H0001/eligibility?date=2026-13-45")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        (await auditor.EligibilityAsync("H0001")).GetProperty("eligible").GetBoolean().Should().BeTrue();
        await (await auditor.ChangeStatusAsync("H0001", "suspended")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Anonymous_callers_cannot_ask_for_eligibility()
    {
        await (await _app.CreateClient().GetAsync("/api/facilities/H0001/eligibility")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
