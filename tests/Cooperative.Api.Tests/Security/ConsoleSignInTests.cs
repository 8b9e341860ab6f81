using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Security;

/// <summary>One app on MariaDB for the console sign-in tests that change no account.</summary>
public sealed class ConsoleSignInApp : IAsyncLifetime
{
    public const string Elsewhere = "https://console.example.org/console/";

    public CooperativeApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await CooperativeApp.StartAsync(s => s["Console:RedirectUris:0"] = Elsewhere);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The staff console's sign-in at the embedded token server: authorization code with PKCE (S256) on the Chinese sign-in
/// page, over HTTP with a client that does not follow redirects, as the console's script does it in a browser.
/// </summary>
public sealed class ConsoleSignInTests(ConsoleSignInApp fixture) : IClassFixture<ConsoleSignInApp>
{
    private ConsoleSignIn NewConsole() => ConsoleSignIn.For(fixture.App);

    private async Task<JsonElement> MeAsync(JsonElement tokens) =>
        await (await fixture.App.WithToken(tokens.GetProperty("access_token").GetString()!).GetAsync("/api/me"))
            .ShouldBeOkAsync<JsonElement>();

    [Fact]
    public async Task The_sign_in_page_is_chinese_carries_every_parameter_and_has_no_inline_script_or_style()
    {
        var console = NewConsole();
        const string nonce = "n-<script>\"&'";

        var response = await console.AuthorizeAsync(p => p["nonce"] = nonce);
        var page = await SignInPageView.ReadAsync(response);

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Html.Should().Contain("<title>杭城市新农合管理系统 - 登录</title>").And.Contain("用户名").And.Contain("密码")
            .And.Contain("""<button id="sign-in" type="submit">登录</button>""")
            .And.Contain("""id="username" name="username""")
            .And.Contain("""id="password" name="password" type="password""")
            .And.Contain("""href="/console/signin.css">""");
        page.Html.Should().NotContain("<script").And.NotContain("style=").And.NotContain("<style")
            .And.NotContain(nonce, "it is encoded");
        page.Error.Should().BeEmpty();
        page.Hidden.Should().BeEquivalentTo(console.Parameters(p => p["nonce"] = nonce));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("form-action 'self'");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await fixture.App.CreateClient().GetAsync("/console/signin.css")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_no_password_all_show_the_page_again_with_one_message()
    {
        var console = NewConsole();
        var page = await console.OpenPageAsync();

        var attempts = new[] { ("reviewer", "wrong-password-1"), ("nobody-here", "unknown-user-pw"), ("reviewer", "") };
        foreach (var (user, password) in attempts)
        {
            var again = await SignInPageView.ReadAsync(await console.SubmitAsync(page, user, password));
            again.Status.Should().Be(HttpStatusCode.OK);
            again.Error.Should().Be("用户名或密码错误");
            again.Hidden.Should().BeEquivalentTo(page.Hidden, "the form can be sent again as it is");
            again.Html.Should().Contain($"""value="{user}">""", "the user name stays filled in");
            if (password.Length > 0) again.Html.Should().NotContain(password);
        }
    }

    [Fact]
    public async Task A_staff_member_signs_in_and_the_code_with_its_verifier_gives_tokens_that_carry_the_role()
    {
        var console = NewConsole();

        var tokens = await console.SignInAsync("window", CooperativeApp.DemoPassword("window"));

        var me = await MeAsync(tokens);
        me.GetProperty("subject").GetString().Should().Be("window");
        me.GetProperty("role").GetString().Should().Be("window");
        var identity = ConsoleSignIn.Payload(tokens.GetProperty("id_token").GetString()!);
        identity.GetProperty("aud").ToString().Should().Contain(ConsoleSignIn.ClientId);
        identity.GetProperty("role").GetString().Should().Be("window");
        identity.GetProperty("name").GetString().Should().Be("窗口经办员");
        tokens.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_code_is_refused_with_another_verifier_and_gives_tokens_once_with_its_own()
    {
        var console = NewConsole();
        var page = await console.OpenPageAsync();
        var code = console.CodeOf(await console.SubmitAsync(page, "window", CooperativeApp.DemoPassword("window")));

        var wrong = await console.ExchangeAsync(code, verifier: NewConsole().Verifier);

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ConsoleSignIn.ErrorOf(wrong)).Should().Be("invalid_grant");
        // A thief of the code without the verifier gets nothing, nor does the code die of it: the console redeems it.
        (await console.ExchangeAsync(code)).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await console.ExchangeAsync(code);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a redeemed code is spent");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("no method")]
    [InlineData("no challenge")]
    public async Task An_authorization_request_without_an_S256_challenge_is_refused_without_a_redirect(string pkce)
    {
        var console = NewConsole();

        var response = await console.AuthorizeAsync(p =>
        {
            if (pkce == "plain") (p["code_challenge_method"], p["code_challenge"]) = ("plain", console.Verifier);
            if (pkce == "no method") p["code_challenge_method"] = null;
            if (pkce == "no challenge") (p["code_challenge"], p["code_challenge_method"]) = (null, null);
        });

        await ShouldBeRefusedWithoutRedirectAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("http://evil.example/console/")]
    [InlineData("http://localhost/console/../evil")]
    [InlineData("http://localhost/console")]
    [InlineData("http://localhost:8080/console/")]
    public async Task A_redirect_uri_other_than_the_consoles_is_refused_without_redirecting_to_it(string redirectUri)
    {
        var console = NewConsole();

        var response = await console.AuthorizeAsync(p => p["redirect_uri"] = redirectUri);
        var posted = await console.PostAuthorizeAsync(console.Parameters(p => p["redirect_uri"] = redirectUri),
            "window", CooperativeApp.DemoPassword("window"));

        await ShouldBeRefusedWithoutRedirectAsync(response, "invalid_request");
        await ShouldBeRefusedWithoutRedirectAsync(posted, "invalid_request");
    }

    [Fact]
    public async Task A_configured_redirect_uri_elsewhere_is_accepted_and_allowed_as_the_forms_destination()
    {
        var console = NewConsole();

        var response = await console.AuthorizeAsync(p => p["redirect_uri"] = ConsoleSignInApp.Elsewhere);
        var page = await SignInPageView.ReadAsync(response);
        var redirect = await console.SubmitAsync(page, "auditor", CooperativeApp.DemoPassword("auditor"));

        page.Status.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Should().Contain("form-action 'self' https://console.example.org;");
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirect.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(ConsoleSignInApp.Elsewhere);
    }

    [Fact]
    public async Task A_facility_client_cannot_use_the_authorization_endpoint()
    {
        var console = NewConsole();

        var response = await console.AuthorizeAsync(p => p["client_id"] = "facility-H0001");

        await ShouldBeRefusedWithoutRedirectAsync(response, null);
    }

    [Fact]
    public async Task Prompt_none_is_answered_login_required_at_the_console_since_there_is_no_session()
    {
        var console = NewConsole();

        var response = await console.AuthorizeAsync(p => p["prompt"] = "none");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.Query.Should().Contain("error=login_required").And.Contain($"state={console.State}");
    }

    [Fact]
    public async Task The_consoles_refresh_token_gives_new_tokens_until_it_is_revoked()
    {
        var console = NewConsole();
        var tokens = await console.SignInAsync("admin", CooperativeApp.DemoPassword("admin"));

        var renewed = await (await console.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!))
            .ShouldBeOkAsync<JsonElement>();
        var refresh = renewed.GetProperty("refresh_token").GetString()!;
        (await MeAsync(renewed)).GetProperty("role").GetString().Should().Be("admin");

        (await console.RevokeAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await console.RefreshAsync(refresh);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ConsoleSignIn.ErrorOf(refused)).Should().Be("invalid_grant");
    }

    [Fact]
    public async Task End_session_redirects_to_the_console_and_refuses_a_foreign_address()
    {
        var console = NewConsole();
        var tokens = await console.SignInAsync("window", CooperativeApp.DemoPassword("window"));
        string EndSession(string uri) => "/connect/endsession" + ConsoleSignIn.QueryString(
            new Dictionary<string, string>
            {
                ["client_id"] = ConsoleSignIn.ClientId, ["id_token_hint"] = tokens.GetProperty("id_token").GetString()!,
                ["post_logout_redirect_uri"] = uri, ["state"] = "bye",
            });

        var response = await console.Http.GetAsync(EndSession(console.RedirectUri));
        var foreign = await console.Http.GetAsync(EndSession("http://evil.example/console/"));
        var bare = await console.Http.GetAsync("/connect/endsession");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().Be(console.RedirectUri + "?state=bye");
        await ShouldBeRefusedWithoutRedirectAsync(foreign, "invalid_request");
        bare.StatusCode.Should().Be(HttpStatusCode.Redirect);
        bare.Headers.Location!.AbsoluteUri.Should().Be(console.RedirectUri);
    }

    [Fact]
    public async Task The_discovery_document_names_the_authorize_end_session_and_revoke_endpoints_and_S256_only()
    {
        var discovery = await (await fixture.App.CreateClient().GetAsync("/.well-known/openid-configuration"))
            .ShouldBeOkAsync<JsonElement>();

        discovery.GetProperty("authorization_endpoint").GetString().Should().EndWith("/connect/authorize");
        discovery.GetProperty("end_session_endpoint").GetString().Should().EndWith("/connect/endsession");
        discovery.GetProperty("revocation_endpoint").GetString().Should().EndWith("/connect/revoke");
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString())
            .Should().Equal("S256");
        discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).Should()
            .Contain(["authorization_code", "password", "client_credentials", "refresh_token"]);
    }

    /// <summary>An OAuth error from OpenIddict itself: no redirect, not the sign-in page, never a 5xx.</summary>
    private static async Task ShouldBeRefusedWithoutRedirectAsync(HttpResponseMessage response, string? error)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        response.Headers.Location.Should().BeNull();
        body.Should().NotContain("<form");
        if (error is not null) body.Should().Contain(error);
    }
}
