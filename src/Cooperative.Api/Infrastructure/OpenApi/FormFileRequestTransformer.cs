using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// An upload declared with <c>Accepts&lt;IFormFile&gt;("multipart/form-data")</c> is a form with one file field,
/// <c>file</c>, as the handler reads it; the generator would describe the bare file instead.
/// </summary>
internal sealed class FormFileRequestTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody?.Content.TryGetValue("multipart/form-data", out var form) != true) return Task.CompletedTask;
        form!.Schema = new OpenApiSchema
        {
            Type = "object",
            Required = new SortedSet<string> { "file" },
            Properties = { ["file"] = new OpenApiSchema { Type = "string", Format = "binary", Description = "The file to upload." } },
        };
        return Task.CompletedTask;
    }
}
