using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>
/// An OpenID provider that is not the API's embedded one, in a process of its own: tests/oidc-provider (panva's
/// certified oidc-provider on Node.js) on a free loopback port, with a fresh RS256 key. Its clients and the claims
/// of their tokens are listed in tests/oidc-provider/server.js; each secret is <c>&lt;client_id&gt;-secret</c>.
/// The process is killed on dispose, and ends by itself when the test host dies (its stdin closes).
/// </summary>
public sealed class ExternalOidcProvider : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(TestServer.RepositoryRoot, "tests", "oidc-provider");
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _errors;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ExternalOidcProvider(Process process, StringBuilder errors, Uri issuer)
    {
        _process = process;
        _errors = errors;
        Issuer = issuer;
    }

    /// <summary>The provider's issuer, <c>http://127.0.0.1:PORT</c> (no trailing slash, as its tokens' <c>iss</c> say).</summary>
    public Uri Issuer { get; }

    public string IssuerText => Issuer.GetLeftPart(UriPartial.Authority);

    public static async Task<ExternalOidcProvider> StartAsync()
    {
        await InstallAsync();
        var errors = new StringBuilder();
        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node", "server.js")
            {
                WorkingDirectory = Folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) firstLine.TrySetResult(line);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors) errors.AppendLine(e.Data);
        };
        process.Exited += (_, _) => firstLine.TrySetException(new InvalidOperationException($"The OpenID provider exited: {Text(errors)}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = await firstLine.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var issuer = JsonDocument.Parse(ready).RootElement.GetProperty("issuer").GetString()!;
            var provider = new ExternalOidcProvider(process, errors, new Uri(issuer));
            var discovery = await provider._http.GetFromJsonAsync<JsonElement>($"{issuer}/.well-known/openid-configuration");
            discovery.GetProperty("issuer").GetString().Should().Be(issuer);
            return provider;
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>An access token by client credentials; <paramref name="resource"/> picks another audience (urn:other-api).</summary>
    public async Task<string> TokenAsync(string clientId, string? resource = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        if (resource is not null) form["resource"] = resource;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{IssuerText}/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{clientId}:{clientId}-secret")));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"the provider's token endpoint said {body} ({Text(_errors)})");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>The token endpoint's answer to a public client's refresh token (the console's, <c>county-console</c>).</summary>
    public async Task<HttpResponseMessage> RefreshAsync(string clientId, string refreshToken) =>
        await _http.PostAsync($"{IssuerText}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken,
        }));

    public ValueTask DisposeAsync()
    {
        Kill(_process);
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
    }

    private static string Text(StringBuilder errors)
    {
        lock (errors) return errors.ToString();
    }

    /// <summary>tests/run.sh installs the provider's packages; a bare <c>dotnet test</c> runs the same script once.</summary>
    private static async Task InstallAsync()
    {
        if (Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider"))) return;
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider"))) return;
            using var install = Process.Start(new ProcessStartInfo("bash", Path.Combine(TestServer.RepositoryRoot, "tests", "install-oidc-provider.sh"))
            {
                RedirectStandardError = true,
            })!;
            var errors = await install.StandardError.ReadToEndAsync();
            await install.WaitForExitAsync();
            if (install.ExitCode != 0)
                throw new InvalidOperationException(
                    $"The external-authority tests need Node.js 20+ and the packages of tests/oidc-provider (bash tests/install-oidc-provider.sh): {errors}");
        }
        finally
        {
            Install.Release();
        }
    }
}
