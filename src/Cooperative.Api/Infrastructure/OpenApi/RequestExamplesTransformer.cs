using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>The main requests' bodies get an example that succeeds against the demo data (<see cref="RequestExamples"/>).</summary>
internal sealed class RequestExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;
        if (body is null || !RequestExamples.ByType.TryGetValue(body, out var example)) return Task.CompletedTask;
        if (operation.RequestBody?.Content.TryGetValue("application/json", out var json) == true) json.Example = example();
        return Task.CompletedTask;
    }
}
