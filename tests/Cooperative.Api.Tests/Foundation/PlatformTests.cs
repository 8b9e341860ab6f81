using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Foundation;

public sealed class PlatformTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Live_and_ready_health_checks_answer_200_on_mariadb()
    {
        (await _app.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var doc = await (await _app.CreateClient().GetAsync("/openapi/v1.json")).ShouldBeOkAsync<JsonElement>();

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/me", "/api/staff", "/api/audit/records"]);
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var response = await _app.CreateClient().GetAsync("/scalar/v1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("openapi/v1.json");
    }

    [Fact]
    public async Task The_correlation_id_is_echoed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "abc-123" } } };

        var response = await _app.CreateClient().SendAsync(request);

        response.Headers.GetValues("X-Correlation-Id").Should().Equal("abc-123");
    }

    [Fact]
    public async Task The_migrations_created_the_schema_on_mariadb()
    {
        var tables = await _app.Database!.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{_app.Database.Name}' AND table_name IN ('staff_users', 'audit_records', 'OpenIddictApplications')");

        tables.Should().Be(3);
    }
}
