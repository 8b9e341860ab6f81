using System.Net;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.PublicPage;

/// <summary>The page's files over HTTP: served at the root with headers that keep markup inert, beside the API.</summary>
public sealed class PublicPageServingTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_content_security_policy_that_forbids_inline_script()
    {
        var response = await _app.CreateClient().GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<title>新型农村合作医疗信息公开</title>", "the county's name is data");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task The_script_and_stylesheet_are_served_and_the_api_and_its_reference_still_answer()
    {
        var client = _app.CreateClient();

        (await client.GetAsync("/app.js")).Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        (await client.GetAsync("/app.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/scalar/v1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/public/facilities")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await client.GetAsync("/no-such-page")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_script_never_sets_html_from_data()
    {
        var script = await _app.CreateClient().GetStringAsync("/app.js");

        script.Should().NotContainAny("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function");
    }
}
