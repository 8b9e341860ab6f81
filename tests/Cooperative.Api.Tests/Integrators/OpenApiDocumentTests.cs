using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Integrators;

/// <summary>
/// The document integrators build from is committed (docs/openapi/v1.json, from which the tests' client is generated) and
/// must be the one the API serves: a change to the API that changes the document changes the file in the same commit.
/// </summary>
public sealed class OpenApiDocumentTests
{
    public static string CommittedPath => Path.Combine(TestServer.RepositoryRoot, "docs", "openapi", "v1.json");

    [Fact]
    public async Task The_committed_document_is_the_one_the_api_serves()
    {
        await using var app = await CooperativeApp.StartAsync();
        var served = Normalized(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        if (Environment.GetEnvironmentVariable("COOP_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(CommittedPath, served + "\n");
        var committed = Normalized(await File.ReadAllTextAsync(CommittedPath));

        served.Should().Be(committed,
            "docs/openapi/v1.json must be the served document: run `COOP_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests` and commit it");
    }

    /// <summary>
    /// The document with a relative server instead of the one the test host happened to answer on (what the API says
    /// when the document is built outside a request), indented alike.
    /// </summary>
    private static string Normalized(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "This server" });
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
