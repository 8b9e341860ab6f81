using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>The sign-in page read by a test: status, the error shown, the hidden fields its form carries.</summary>
public sealed partial record SignInPageView(HttpStatusCode Status, string Html,
    IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    /// <summary>The message in <c>#sign-in-error</c>; empty when it is hidden.</summary>
    public string Error => ErrorElement().Match(Html) is { Success: true } m
                           && !m.Groups["attrs"].Value.Contains("hidden", StringComparison.Ordinal)
        ? WebUtility.HtmlDecode(m.Groups["text"].Value) : "";

    public string? Field(string name) => Hidden.Where(h => h.Key == name).Select(h => h.Value).FirstOrDefault();

    public static async Task<SignInPageView> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html", html);
        var hidden = HiddenInput().Matches(html).Select(m => KeyValuePair.Create(
            WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
        return new SignInPageView(response.StatusCode, html, hidden);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<p id="sign-in-error"(?<attrs>[^>]*)>(?<text>[^<]*)</p>""")]
    private static partial Regex ErrorElement();
}

/// <summary>
/// The console's side of authorization code with PKCE, done by hand over HTTP with a client that does not follow
/// redirects: open the sign-in page, post its form with credentials, read the code from the redirect, exchange it.
/// </summary>
public sealed class ConsoleSignIn
{
    public const string ClientId = "cooperative-console";
    public const string Scope = "openid api roles offline_access";

    private ConsoleSignIn(HttpClient http) => Http = http;

    public HttpClient Http { get; }
    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));
    public string State { get; } = Base64Url(RandomNumberGenerator.GetBytes(12));
    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>The console at the app's own address (http://localhost/console/ in memory).</summary>
    public string RedirectUri => new Uri(Http.BaseAddress!, "/console/").AbsoluteUri;

    public static ConsoleSignIn For(CooperativeApp app) => new(app.Address is { } address
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address }
        : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>The authorization request's parameters; a test replaces or removes (null) some of them.</summary>
    public Dictionary<string, string> Parameters(Action<Dictionary<string, string?>>? change = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["scope"] = Scope, ["redirect_uri"] = RedirectUri,
            ["state"] = State, ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256",
        };
        change?.Invoke(parameters);
        return parameters.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
    }

    public Task<HttpResponseMessage> AuthorizeAsync(Action<Dictionary<string, string?>>? change = null) =>
        Http.GetAsync("/connect/authorize" + QueryString(Parameters(change)));

    public async Task<SignInPageView> OpenPageAsync()
    {
        var page = await SignInPageView.ReadAsync(await AuthorizeAsync());
        page.Status.Should().Be(HttpStatusCode.OK, page.Html);
        return page;
    }

    /// <summary>Posts the page's form as a browser would: its hidden fields, the user name and the password.</summary>
    public Task<HttpResponseMessage> SubmitAsync(SignInPageView page, string userName, string password) =>
        PostAuthorizeAsync(page.Hidden, userName, password);

    public Task<HttpResponseMessage> PostAuthorizeAsync(IEnumerable<KeyValuePair<string, string>> fields,
        string userName, string password) =>
        Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields
            .Append(KeyValuePair.Create("username", userName)).Append(KeyValuePair.Create("password", password))));

    /// <summary>The code from the redirect to the console, after checking it went there with our state.</summary>
    public string CodeOf(HttpResponseMessage redirect)
    {
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = redirect.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        query["state"].ToString().Should().Be(State);
        return query["code"].ToString().Should().NotBeNullOrEmpty().And.Subject;
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier = null) =>
        Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ClientId, ["code"] = code,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier ?? Verifier,
        }));

    /// <summary>The whole flow for a user: the token response (access, identity and refresh tokens).</summary>
    public async Task<JsonElement> SignInAsync(string userName, string password)
    {
        var code = CodeOf(await SubmitAsync(await OpenPageAsync(), userName, password));
        var response = await ExchangeAsync(code);
        return await response.ShouldBeOkAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken,
        }));

    public Task<HttpResponseMessage> RevokeAsync(string token, string hint = "refresh_token") =>
        Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["token"] = token, ["token_type_hint"] = hint,
        }));

    /// <summary>The OAuth error of a refusal from the token endpoint.</summary>
    public static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();

    public static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        "?" + string.Join('&', parameters.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));

    private static string Escape(string text) => Uri.EscapeDataString(text);

    /// <summary>A JWT's payload (its signature was checked by whoever issued or accepted it).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(jwt.Split('.')[1].Replace('-', '+').Replace('_', '/'))))
            .RootElement;

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
