using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Facilities;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// One independent OpenID provider (tests/oidc-provider, in a process of its own) and one app on MariaDB pointed at
/// it with <c>Authentication:Authority</c>: the embedded token server is not there, every token comes from the provider.
/// </summary>
public sealed class ExternalAuthorityApp : IAsyncLifetime
{
    public ExternalOidcProvider Provider { get; private set; } = null!;
    public CooperativeApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await ExternalOidcProvider.StartAsync();
        App = await CooperativeApp.StartAsync(s => s["Authentication:Authority"] = Provider.IssuerText);
    }

    /// <summary>A client of the app with a token of the provider's client (see tests/oidc-provider/server.js).</summary>
    public async Task<HttpClient> ClientAsync(string clientId, string? resource = null) =>
        App.WithToken(await Provider.TokenAsync(clientId, resource));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// The API behind an OpenID provider that is not its own: roles and facility codes come from the provider's claims,
/// and tokens for another audience, from another issuer or expired are refused.
/// </summary>
public sealed class ExternalAuthorityTests(ExternalAuthorityApp fixture) : IClassFixture<ExternalAuthorityApp>
{
    [Fact]
    public async Task The_embedded_token_server_is_not_there()
    {
        var response = await fixture.App.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0001");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_token_may_call_an_admin_endpoint_and_a_window_token_only_a_window_endpoint()
    {
        var admin = await fixture.ClientAsync("coop-admin");
        var me = await (await admin.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("subject").GetString().Should().Be("coop-admin");
        me.GetProperty("name").GetString().Should().Be("外部管理员");
        me.GetProperty("role").GetString().Should().Be("admin");
        (await admin.GetAsync("/api/staff")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The window's role claim is an array (["offline_access", "window"]), as Keycloak's realm-role mapper writes it.
        var window = await fixture.ClientAsync("coop-window");
        (await window.GetAsync("/api/staff")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await window.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>()).GetProperty("role").GetString().Should().Be("window");
        await Households.RegisterAsync(window, "3301991010010077", [new Member(Households.Id("19750505", 71), "周立", "户主")]);

        var auditor = await fixture.ClientAsync("coop-auditor");
        (await auditor.PostAsJsonAsync("/api/households", Households.Request("3301991010010078", [new Member(Households.Id("19760606", 72), "吴敏", "户主")])))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tokens_shaped_like_those_of_Keycloak_and_Duende_IdentityServer_are_read_alike()
    {
        // Header typ JWT (not at+jwt), aud ["cooperative-api", "account"], realm_access beside the flat role array.
        var keycloak = await fixture.ClientAsync("keycloak-reviewer");
        var me = await (await keycloak.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("role").GetString().Should().Be("reviewer");
        (await keycloak.GetAsync("/api/claims/review-queue")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await keycloak.GetAsync("/api/staff")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var idToken = await fixture.ClientAsync("keycloak-id-token"); // the same shape with the payload's typ ID
        await (await idToken.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        // scope as an array, role and facility_code as client claims without prefix.
        var duende = await fixture.ClientAsync("duende-facility-H0001");
        me = await (await duende.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("facilityCode").GetString().Should().Be("H0001");
        (await duende.GetAsync("/api/facilities/H0001")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_facility_token_sees_the_claims_and_register_of_the_facility_its_code_names()
    {
        var admin = await fixture.ClientAsync("coop-admin");
        await Fund.LedgerScenario.OpenBooksAsync(admin, $"{Households.ThisYear}-01-01", ClaimScenario.OpeningBank);
        await Households.EnrolledWangsAsync(await fixture.ClientAsync("coop-window"), "3301991010010079");
        var cityHospital = await fixture.ClientAsync("facility-H0001");
        var today = Households.Today;
        var claim = await (await ClaimScenario.SubmitAsync(cityHospital, ClaimScenario.InpatientBill(Households.Head, "EXT-1", today, today), "ext-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString();
        claim.GetProperty("facilityCode").GetString().Should().Be("H0001");

        var own = await (await cityHospital.GetAsync("/api/claims")).ShouldBeOkAsync<JsonElement>();
        own.Items().Select(c => c.GetProperty("number").GetString()).Should().Equal(number);
        (await cityHospital.GetAsync($"/api/claims/{number}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await cityHospital.GetAsync("/api/facilities/H0001")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await cityHospital.GetAsync("/api/facilities/H0002")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var townshipClinic = await fixture.ClientAsync("facility-H0002");
        (await (await townshipClinic.GetAsync("/api/claims")).ShouldBeOkAsync<JsonElement>()).Items().Should().BeEmpty();
        (await townshipClinic.GetAsync($"/api/claims/{number}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await townshipClinic.GetAsync("/api/facilities/H0002")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await townshipClinic.GetAsync("/api/facilities/H0001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_facility_token_stops_when_its_code_is_not_a_designated_facility_here()
    {
        await (await (await fixture.ClientAsync("facility-H9999")).GetAsync("/api/claims"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");

        // An app of its own, since H0002 is suspended: the external account is not ours, its facility's designation is.
        await using var app = await CooperativeApp.StartAsync(s =>
        {
            s["Authentication:Authority"] = fixture.Provider.IssuerText;
            s["Authentication:AccountStateSeconds"] = "0";
        });
        var admin = app.WithToken(await fixture.Provider.TokenAsync("coop-admin"));
        var townshipClinic = app.WithToken(await fixture.Provider.TokenAsync("facility-H0002"));
        (await townshipClinic.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await admin.ChangeStatusAsync("H0002", "suspended", "拒不配合监督检查")).ShouldBeOkAsync<JsonElement>();
        await (await townshipClinic.GetAsync("/api/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var other = await fixture.ClientAsync("coop-admin", resource: "urn:other-api");
        await (await other.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_refused_whether_signed_by_another_key_or_by_the_right_one()
    {
        await using var stranger = await ExternalOidcProvider.StartAsync();
        var foreign = fixture.App.WithToken(await stranger.TokenAsync("coop-admin"));
        await (await foreign.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        // Signed with the provider's own key, but its iss is http://issuer.invalid.
        var forged = await fixture.ClientAsync("coop-foreign-issuer");
        await (await forged.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var expired = await fixture.ClientAsync("coop-expired");
        await (await expired.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task With_the_authority_unreachable_the_api_starts_and_a_token_gets_a_503_not_a_500()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var app = await CooperativeApp.StartAsync(s => s["Authentication:Authority"] = $"http://127.0.0.1:{closedPort}");

        (await app.NewClient().GetAsync("/api/public/facilities")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await app.NewClient().GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var admin = app.WithToken(await fixture.Provider.TokenAsync("coop-admin"));
        await (await admin.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "authority_unavailable");
    }
}
