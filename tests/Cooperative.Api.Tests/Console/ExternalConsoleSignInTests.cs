using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Cooperative.Api.Tests.Console;

/// <summary>
/// The console of an installation whose tokens come from an external OpenID provider (<c>Authentication:Authority</c>):
/// tests/oidc-provider (panva's oidc-provider, in a process of its own) with its public client <c>county-console</c>,
/// and the app on Kestrel (MariaDB) pointed at it; one headless chromium.
/// </summary>
public sealed class ExternalConsoleApp : IAsyncLifetime
{
    public const string ClientId = "county-console";
    public ExternalOidcProvider Provider { get; private set; } = null!;
    public CooperativeApp App { get; private set; } = null!;
    public ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await ExternalOidcProvider.StartAsync();
        App = await CooperativeApp.StartOnKestrelAsync(s =>
        {
            s["Authentication:Authority"] = Provider.IssuerText;
            s["Console:ClientId"] = ClientId;
            s["Console:Scope"] = "openid api";
        });
        await Households.RegisterWangsAsync(App.WithToken(await Provider.TokenAsync("coop-window")));
        Browser = new ConsoleBrowser(HeadlessChromium.Start(), App.Address!);
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

/// <summary>Signing in to the console at an external OpenID provider: authorization code with PKCE, refresh, sign-out.</summary>
public sealed class ExternalConsoleSignInTests(ExternalConsoleApp fixture) : IClassFixture<ExternalConsoleApp>
{
    private ConsoleBrowser Browser => fixture.Browser;
    private IWebDriver Driver => fixture.Browser.Driver;
    private string Issuer => fixture.Provider.IssuerText;

    [Fact]
    public async Task A_clerk_signs_in_at_the_external_provider_works_with_its_token_refreshes_it_and_signs_out_there()
    {
        // The console sends the browser to the provider's own sign-in page, not to this server's.
        Driver.Navigate().GoToUrl(new Uri(fixture.App.Address!, "/console/"));
        Browser.Chromium.WaitUntil(d => d.Url.StartsWith($"{Issuer}/interaction/", StringComparison.Ordinal)
                                        && d.FindElement(By.Id("login")).Displayed, "the external provider's sign-in page");
        Browser.Find("#login").SendKeys("no-such-account");
        Browser.Find("#password").SendKeys("any");
        Browser.Find("#submit").Click();
        Browser.WaitFor("#error", "没有账号");
        Browser.Find("#login").SendKeys("coop-window");
        Browser.Find("#password").SendKeys("any");
        Browser.Find("#submit").Click();

        // Back in the console with the provider's token: the window's menus, the name from the token, no query string.
        Browser.WaitReady();
        Driver.Url.Should().Be(new Uri(fixture.App.Address!, "/console/").ToString(), "the code and state are taken off the address");
        Browser.Find("#who").Text.Should().Be("外部窗口（经办窗口）");
        Browser.Menus().Should().Contain(new[] { "录入纸质报销", "查找人员", "参合资格查询" }).And.NotContain(new[] { "工作人员账号", "审核队列", "试算平衡表" });
        var tokens = Tokens();
        Payload(tokens.GetProperty("access").GetString()!).GetProperty("iss").GetString().Should().Be(Issuer);
        tokens.GetProperty("refresh").GetString().Should().NotBeNullOrEmpty("the provider gives the console a refresh token");
        tokens.GetProperty("id").GetString().Should().NotBeNullOrEmpty("the ID token is kept for the end-session request");

        // A screen that calls the API with that token.
        Browser.Go("window/search");
        Browser.Type("#search-q", Households.Son.IdNumber + Keys.Enter);
        Browser.WaitFor("#persons tbody tr", Households.Son.Name);
        Browser.Screenshot("external-sign-in");

        // A refresh at the provider's token endpoint (a cross-origin request): a new access token the API accepts.
        var before = tokens.GetProperty("access").GetString();
        var refreshed = (string)((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; " +
            "import('/console/js/auth.js').then(auth => auth.refresh()).then(done, e => done('failed: ' + e.message));")!;
        refreshed.Should().NotStartWith("failed").And.NotBe(before);
        var me = await (await fixture.App.WithToken(refreshed).GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("subject").GetString().Should().Be("coop-window");
        me.GetProperty("role").GetString().Should().Be("window");
        me.GetProperty("name").GetString().Should().Be("外部窗口");
        var refreshToken = Tokens().GetProperty("refresh").GetString()!; // rotated: a second use of the first would end the grant
        refreshToken.Should().NotBe(tokens.GetProperty("refresh").GetString());

        // 退出登录: the provider's end-session page, then back to the console, signed out there and here.
        Browser.Find("#sign-out").Click();
        Browser.Chromium.WaitUntil(d => d.Url.StartsWith($"{Issuer}/session/end", StringComparison.Ordinal)
                                        && d.FindElement(By.Id("logout")).Displayed, "the external provider's end-session page");
        Browser.Find("#logout").Click();
        Browser.WaitFor("#signed-out", "您已退出登录");
        Driver.Url.Should().StartWith(new Uri(fixture.App.Address!, "/console/").ToString());
        ((IJavaScriptExecutor)Driver).ExecuteScript("return sessionStorage.getItem('coop.console.tokens')").Should().BeNull();
        var answer = await fixture.Provider.RefreshAsync(ExternalConsoleApp.ClientId, refreshToken);
        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the refresh token was revoked on sign-out");

        // The provider's session is over: signing in again asks for the account anew.
        Browser.Find("#sign-in").Click();
        Browser.Chromium.WaitUntil(d => d.Url.StartsWith($"{Issuer}/interaction/", StringComparison.Ordinal)
                                        && d.FindElement(By.Id("login")).Displayed, "the external provider's sign-in page again");
    }

    private JsonElement Tokens() =>
        JsonDocument.Parse((string)((IJavaScriptExecutor)Driver).ExecuteScript("return sessionStorage.getItem('coop.console.tokens')")!).RootElement;

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(part.PadRight(part.Length + (4 - part.Length % 4) % 4, '='))).RootElement;
    }
}
