using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Foundation;

/// <summary>The console's settings with the embedded token server or an external authority.</summary>
public sealed class ConsoleSettingsTests
{
    private const string Path = "/api/console/settings";

    [Fact]
    public async Task With_the_embedded_token_server_the_console_signs_in_at_its_own_origin()
    {
        await using var app = await CooperativeApp.StartAsync();

        var settings = await (await app.CreateClient().GetAsync(Path)).ShouldBeOkAsync<JsonElement>();

        settings.GetProperty("authority").ValueKind.Should().Be(JsonValueKind.Null);
        settings.GetProperty("clientId").GetString().Should().Be("cooperative-console");
        settings.GetProperty("scope").GetString().Should().Be("openid api roles offline_access");
    }

    [Fact]
    public async Task With_an_external_authority_the_console_is_told_the_authority_and_its_client_there()
    {
        await using var app = await CooperativeApp.StartAsync(s =>
        {
            s["Authentication:Authority"] = "https://sso.example.org/realms/cooperative";
            s["Console:ClientId"] = "county-console";
            s["Console:Scope"] = "openid cooperative-api";
        });

        var settings = await (await app.CreateClient().GetAsync(Path)).ShouldBeOkAsync<JsonElement>();

        settings.GetProperty("authority").GetString().Should().Be("https://sso.example.org/realms/cooperative");
        settings.GetProperty("clientId").GetString().Should().Be("county-console");
        settings.GetProperty("scope").GetString().Should().Be("openid cooperative-api");
        (await app.CreateClient().GetAsync("/connect/authorize?client_id=county-console")).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NotFound, "there is no token server here");
        var console = await app.CreateClient().GetAsync("/console/");
        console.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("connect-src 'self' https://sso.example.org;",
            "the console fetches the authority's discovery document and token endpoint");
        var page = await app.CreateClient().GetAsync("/");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("connect-src 'self';", "the public page talks to its own origin only");
    }
}
