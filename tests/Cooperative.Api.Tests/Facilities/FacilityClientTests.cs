using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Facilities;

public sealed class FacilityClientTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_issued_client_gets_a_token_bound_to_its_facility_that_reads_only_its_own_record()
    {
        var admin = await _app.ClientForAsync("admin");

        var issued = await (await admin.PostAsync("/api/facilities/T0004/client", null)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        issued.GetProperty("clientId").GetString().Should().Be("facility-T0004");
        var secret = issued.GetProperty("clientSecret").GetString()!;
        secret.Length.Should().BeGreaterThanOrEqualTo(40);
        var token = await (await _app.ClientCredentialsGrantAsync("facility-T0004", secret)).ShouldBeOkAsync<JsonElement>();
        var facility = _app.WithToken(token.GetProperty("access_token").GetString()!);
        var me = await (await facility.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("facilityCode").GetString().Should().Be("T0004");
        me.GetProperty("role").GetString().Should().Be("facility");
        (await facility.GetAsync("/api/facilities/T0004")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await facility.GetAsync("/api/facilities/T0005")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_not_found");
        var trail = await (await admin.GetAsync("/api/audit/records?entityType=FacilityClient&entityId=facility-T0004")).ShouldBeOkAsync<JsonElement>();
        var records = trail.GetProperty("items").EnumerateArray().ToList();
        records.Select(r => r.GetProperty("action").GetString()).Should().BeEquivalentTo("issued", "signed-in");
        records.Single(r => r.GetProperty("action").GetString() == "issued").GetProperty("actor").GetString().Should().Be("admin");
        trail.GetRawText().Should().NotContain(secret);
    }

    [Fact]
    public async Task Rotating_a_clients_secret_stops_the_old_secret_at_once()
    {
        var admin = await _app.ClientForAsync("admin");

        var rotated = await (await admin.PostAsync("/api/facilities/H0001/client", null)).ShouldBeOkAsync<JsonElement>();

        rotated.GetProperty("rotated").GetBoolean().Should().BeTrue();
        (await _app.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0001")).IsSuccessStatusCode.Should().BeFalse();
        (await _app.ClientCredentialsGrantAsync("facility-H0001", rotated.GetProperty("clientSecret").GetString()!)).IsSuccessStatusCode
            .Should().BeTrue();
    }

    [Fact]
    public async Task A_revoked_or_unknown_facility_gets_no_client()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.ChangeStatusAsync("V0020", "revoked", "停业")).ShouldBeOkAsync<JsonElement>();

        await (await admin.PostAsync("/api/facilities/V0020/client", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_not_designated");
        await (await admin.PostAsync("/api/facilities/Q0001/client", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_not_found");
    }

    [Fact]
    public async Task Only_administrators_issue_clients()
    {
        var auditor = await _app.ClientForAsync("auditor");
        var facility = await _app.FacilityClientAsync("H0001");

        await (await auditor.PostAsync("/api/facilities/T0004/client", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.PostAsync("/api/facilities/H0001/client", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM OpenIddictApplications WHERE ClientId = 'facility-T0004'")).Should().Be(0);
    }
}
