using System.Text.Json;

namespace Cooperative.Api.Tests.Security;

internal sealed record OperationParameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: method, route template, parameters and the JSON body's schema, if any.</summary>
internal sealed record ApiOperation(string Method, string Template, IReadOnlyList<OperationParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Reads the operations out of the app's own OpenAPI document (<c>/openapi/v1.json</c>).</summary>
internal static class OpenApiOperations
{
    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new OperationParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var rb)
                    && rb.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
                    ? schema
                    : null;
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }
        return [.. operations.OrderBy(o => o.Template, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    /// <summary>The schema a <c>$ref</c> points to (<c>#/components/schemas/Name</c>), or the schema itself.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }
}
