using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Console;

/// <summary>
/// The console's files over HTTP, and the API it added for its screens: served by the API itself under a policy that
/// forbids inline script, every module reachable, nothing fetched from elsewhere (a county intranet has no internet).
/// </summary>
public sealed partial class ConsoleServingTests(ConsoleServingTests.App app) : IClassFixture<ConsoleServingTests.App>
{
    /// <summary>One app for the class: its tests only read.</summary>
    public sealed class App : IAsyncLifetime
    {
        public CooperativeApp Instance { get; private set; } = null!;
        public async Task InitializeAsync() => Instance = await CooperativeApp.StartAsync();
        public async Task DisposeAsync() => await Instance.DisposeAsync();
    }

    private CooperativeApp Api => app.Instance;

    [Fact]
    public async Task The_console_is_served_at_console_with_a_policy_that_forbids_inline_script_and_style()
    {
        var response = await Api.CreateClient().GetAsync("/console/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("<script type=\"module\" src=\"js/main.js\"></script>").And.NotContain("<style").And.NotContain(" style=");
        InlineScript().IsMatch(page).Should().BeFalse("every script is a file of its own");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.NotContain("unsafe-inline");
    }

    [Fact]
    public async Task Every_module_the_console_imports_is_served_and_none_reaches_another_site_or_writes_html()
    {
        var client = Api.CreateClient();
        var pending = new Queue<string>(["/console/js/main.js"]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path)) continue;
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", path);
            var script = await response.Content.ReadAsStringAsync();
            script.Should().NotContainAny(["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"], path);
            script.Should().NotContainAny(["http://", "https://", "//cdn", "fonts.googleapis"], $"{path} fetches nothing from elsewhere");
            foreach (Match import in Import().Matches(script))
                pending.Enqueue(new Uri(new Uri("http://x" + path), import.Groups[1].Value).AbsolutePath);
        }
        seen.Should().Contain(["/console/js/auth.js", "/console/js/api.js", "/console/js/ui.js", "/console/js/screens/window.js"]);
        (await client.GetStringAsync("/console/console.css")).Should().NotContain("@import").And.NotContain("url(http");
    }

    [Fact]
    public async Task Diagnoses_are_found_by_the_start_of_a_code_or_part_of_a_chinese_name()
    {
        var client = Api.CreateClient();

        var byCode = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/diagnoses?q=k35");
        byCode!.Select(d => d.GetProperty("code").GetString()).Should().Equal("K35.8");
        byCode![0].GetProperty("name").GetString().Should().Be("急性阑尾炎");
        var byName = await client.GetFromJsonAsync<JsonElement[]>("/api/reference/diagnoses?q=骨折&limit=3");
        byName!.Should().HaveCount(3).And.OnlyContain(d => d.GetProperty("name").GetString()!.Contains("骨折"));
    }

    [Fact]
    public async Task Facilities_are_found_by_the_start_of_a_code_or_part_of_a_name()
    {
        var window = await Api.ClientForAsync("window");

        var byCode = await (await window.GetAsync("/api/facilities?q=H0001")).ShouldBeOkAsync<JsonElement>();
        byCode.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Should().Equal("H0001");
        var byName = await (await window.GetAsync("/api/facilities?q=人民医院&pageSize=100")).ShouldBeOkAsync<JsonElement>();
        byName.GetProperty("items").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(f => f.GetProperty("name").GetString()!.Contains("人民医院"));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"(?:import|from)\s+['""](\.{1,2}/[^'""]+)['""]")]
    private static partial Regex Import();
}
