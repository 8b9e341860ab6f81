using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Foundation;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("admin")]
    [InlineData("window")]
    [InlineData("reviewer")]
    [InlineData("auditor")]
    public async Task Each_demo_staff_user_gets_a_token_that_carries_the_role(string role)
    {
        var client = await _app.ClientForAsync(role);

        var me = await (await client.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();

        me.GetProperty("role").GetString().Should().Be(role);
        me.GetProperty("subject").GetString().Should().Be(role);
    }

    [Fact]
    public async Task The_access_token_is_a_signed_jwt_for_this_api()
    {
        var token = await _app.TokenAsync("window", CooperativeApp.DemoPassword("window"));

        var parts = token.Split('.');
        parts.Should().HaveCount(3, "a signed, unencrypted JWT has three parts");
        var payload = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
        payload.GetProperty("aud").ToString().Should().Contain("cooperative-api");
        payload.GetProperty("role").GetString().Should().Be("window");
    }

    [Fact]
    public async Task A_protected_endpoint_without_a_token_answers_401_problem_details()
    {
        var response = await _app.CreateClient().GetAsync("/api/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_garbage_token_is_refused_with_401()
    {
        var response = await _app.WithToken("not-a-token").GetAsync("/api/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_wrong_role_answers_403_problem_details()
    {
        var window = await _app.ClientForAsync("window");

        var response = await window.GetAsync("/api/staff");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_wrong_password_is_an_invalid_grant()
    {
        var response = await _app.PasswordGrantAsync("window", "wrong-password-1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().Should().Be("invalid_grant");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it()
    {
        for (var i = 0; i < 5; i++) await _app.PasswordGrantAsync("reviewer", "wrong-password-1");

        var locked = await _app.PasswordGrantAsync("reviewer", CooperativeApp.DemoPassword("reviewer"));
        locked.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the right password does not open a locked account");
        (await locked.Content.ReadAsStringAsync()).Should().Contain("locked");

        var admin = await _app.ClientForAsync("admin");
        (await admin.PostAsync("/api/staff/reviewer/unlock", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _app.PasswordGrantAsync("reviewer", CooperativeApp.DemoPassword("reviewer"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_facility_system_gets_a_token_by_client_credentials_with_its_facility_code()
    {
        var facility = await _app.FacilityClientAsync("H0002");

        var me = await (await facility.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();

        me.GetProperty("role").GetString().Should().Be("facility");
        me.GetProperty("facilityCode").GetString().Should().Be("H0002");
        (await facility.GetAsync("/api/staff")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_facility_client_with_a_wrong_secret_gets_no_token()
    {
        var response = await _app.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0002");

        response.IsSuccessStatusCode.Should().BeFalse();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().Should().Be("invalid_client");
    }

    [Fact]
    public async Task Discovery_document_names_the_token_endpoint_and_grants()
    {
        var discovery = await (await _app.CreateClient().GetAsync("/.well-known/openid-configuration")).ShouldBeOkAsync<JsonElement>();

        discovery.GetProperty("token_endpoint").GetString().Should().EndWith("/connect/token");
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        grants.Should().Contain(["password", "client_credentials", "refresh_token"]);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_while_the_account_is_active()
    {
        var response = await _app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "window", ["password"] = CooperativeApp.DemoPassword("window"),
            ["scope"] = "offline_access",
        }));
        var refresh = (await response.ShouldBeOkAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;

        var renewed = await _app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh,
        }));
        (await renewed.ShouldBeOkAsync<JsonElement>()).GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();

        var admin = await _app.ClientForAsync("admin");
        (await admin.PostAsync("/api/staff/window/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await _app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh,
        }));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static string Base64UrlDecode(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }
}
