using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// Downloads: a route ending in <c>.xlsx</c>, <c>.csv</c>, <c>.html</c> or <c>.pdf</c>, or in a <c>{format}</c>
/// parameter (json, xlsx or csv), answers 200 with that file, which the generator cannot see in a file result.
/// </summary>
internal sealed class FileResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        [".xlsx"] = Xlsx.ContentType,
        [".csv"] = "text/csv",
        [".html"] = "text/html",
        [".pdf"] = "application/pdf",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var route = context.Description.RelativePath ?? "";
        var types = route.EndsWith(".{format}", StringComparison.Ordinal)
            ? ["application/json", ContentTypes[".xlsx"], ContentTypes[".csv"]]
            : ContentTypes.Where(t => route.EndsWith(t.Key, StringComparison.Ordinal)).Select(t => t.Value).ToList();
        if (types.Count == 0) return Task.CompletedTask;
        operation.Responses.Remove("204");
        var ok = operation.Responses.TryGetValue("200", out var existing) ? existing : operation.Responses["200"] = new OpenApiResponse();
        ok.Description = $"The file ({string.Join(" or ", types)}), as an attachment.";
        ok.Content.Clear();
        foreach (var type in types)
            ok.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string", Format = "binary" } };
        return Task.CompletedTask;
    }
}
