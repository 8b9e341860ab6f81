using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>The main requests get an example (<see cref="RequestExamples"/>), serialized as the API reads them.</summary>
internal sealed class RequestExamplesTransformer(IOptions<JsonOptions> json, TimeProvider clock) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId is not { } id) return Task.CompletedTask;
        var today = clock.Today();
        if (RequestExamples.Bodies(today).TryGetValue(id, out var body)
            && operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true)
            media.Example = ToAny(JsonSerializer.SerializeToElement(body, body.GetType(), json.Value.SerializerOptions));
        if (id == "CheckCoverage")
            foreach (var (name, value) in RequestExamples.CoverageQuery(today))
                if (operation.Parameters?.FirstOrDefault(p => p.Name == name) is { } parameter) parameter.Example = new OpenApiString(value);
        return Task.CompletedTask;
    }

    private static IOpenApiAny ToAny(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => Array(element),
        JsonValueKind.String => new OpenApiString(element.GetString()),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => new OpenApiLong(whole),
        JsonValueKind.Number => new OpenApiDouble(element.GetDouble()),
        JsonValueKind.True or JsonValueKind.False => new OpenApiBoolean(element.GetBoolean()),
        _ => new OpenApiNull(),
    };

    private static OpenApiObject Object(JsonElement element)
    {
        var result = new OpenApiObject();
        // Absent is the same as null for these requests: the example shows only what is given.
        foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
            result[property.Name] = ToAny(property.Value);
        return result;
    }

    private static OpenApiArray Array(JsonElement element)
    {
        var result = new OpenApiArray();
        result.AddRange(element.EnumerateArray().Select(ToAny));
        return result;
    }
}
