using System.Diagnostics;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.OpenApi;

/// <summary>
/// The document under Redocly's recommended ruleset (tests/openapi-lint: the CLI pinned in package.json, the rules in
/// redocly.yaml). tests/run.sh installs it with <c>npm ci</c>; without it this test fails and says so.
/// </summary>
public sealed class OpenApiLintTests : IAsyncLifetime
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_document_has_no_errors_under_redocly_recommended_rules()
    {
        var lintFolder = Path.Combine(RepositoryRoot(), "tests", "openapi-lint");
        var redocly = Path.Combine(lintFolder, "node_modules", ".bin", "redocly");
        File.Exists(redocly).Should().BeTrue($"Redocly CLI is installed by `npm ci --prefix tests/openapi-lint` (missing: {redocly})");
        var document = Path.Combine(Path.GetTempPath(), $"coop-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await (await _app.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        try
        {
            var (exitCode, output) = await RunAsync(redocly, lintFolder, "lint", document, "--config",
                Path.Combine(lintFolder, "redocly.yaml"), "--format=stylish", "--max-problems=500");

            exitCode.Should().Be(0, $"the document must lint without errors; Redocly said:\n{output}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(LintTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"redocly lint did not finish within {LintTimeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Cooperative.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Cooperative.sln above {AppContext.BaseDirectory}");
    }
}
