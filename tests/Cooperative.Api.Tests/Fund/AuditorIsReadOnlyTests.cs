using System.Net;
using System.Net.Http.Json;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperative.Api.Tests.Fund;

/// <summary>Auditors read everything and change nothing: every write endpoint answers 403 to them.</summary>
public sealed class AuditorIsReadOnlyTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_write_endpoint_refuses_the_auditor()
    {
        var auditor = await _app.ClientForAsync("auditor");
        var writes = _app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
                .Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Select(e => (Method: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0],
                Path: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            // The OpenID Connect endpoints (token, authorize, end session, revoke) take credentials, not an API token.
            .Where(e => !e.Path.StartsWith("/connect/", StringComparison.Ordinal))
            // Public endpoints (a complaint filing) take no token at all, so an auditor's token changes nothing there.
            .Where(e => e.Path is not ("/api/public/complaints" or "/api/public/complaints/"))
            // FHIR's eligibility check is a POST that reads (the coverage check, which auditors may run) and stores nothing.
            .Where(e => e.Path != "/fhir/CoverageEligibilityRequest/$evaluate")
            .ToList();
        writes.Should().NotBeEmpty();

        foreach (var (method, path) in writes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:\w+(\(\d+\))?)?\??\}", m => (m.Groups[1].Value, m.Groups[2].Value) switch
            {
                ("year", _) => "2026",
                ("period" or "month", _) => "2026-10",
                (_, ":int") => "1",
                (_, ":guid") => "0195f3a0-0000-7000-8000-000000000001",
                _ => "x1",
            });
            var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
            var response = await auditor.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {url} must refuse the auditor");
        }
    }
}
