using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.OpenApi;

/// <summary>The app's own OpenAPI document, and its operations as (method, path, operation) triples.</summary>
internal static class OpenApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<JsonElement> ReadAsync(CooperativeApp app) =>
        await (await app.CreateClient().GetAsync("/openapi/v1.json")).ShouldBeOkAsync<JsonElement>();

    public static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select (operation.Name, path.Name, operation.Value);

    public static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);
}

/// <summary>Tests of the document: a fresh app for each, and its document.</summary>
public abstract class OpenApiAppTests : IAsyncLifetime
{
    protected CooperativeApp App { get; private set; } = null!;

    protected JsonElement Document { get; private set; }

    public async Task InitializeAsync()
    {
        App = await CooperativeApp.StartAsync();
        Document = await OpenApiDocument.ReadAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
