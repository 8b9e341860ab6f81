using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// The <c>Idempotency-Key</c> header: bound as an optional string so that the handler answers its absence with its
/// own problem code, but required by every endpoint that reads it.
/// </summary>
internal sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    internal const string Header = "Idempotency-Key";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var key = operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name == Header);
        if (key is null) return Task.CompletedTask;
        key.Required = true;
        key.Description = "The client's key for this submission (at most 100 characters, e.g. a UUID), unique per caller. "
            + "A retry with the same key and the same body returns the first result (200) instead of a second one; "
            + "the same key with another body is refused (409 `idempotency_key_reused`); none gives 400 "
            + "`idempotency_key_required`.";
        key.Schema = new OpenApiSchema { Type = "string", MinLength = 1, MaxLength = 100 };
        key.Example = new Microsoft.OpenApi.Any.OpenApiString("3f0c9a52-1d7e-4b8e-9a41-6a0d2f7c5b10");
        if (operation.Responses.TryGetValue("201", out var created)) created.Description = "Created: the new result.";
        if (operation.Responses.TryGetValue("200", out var replay))
            replay.Description = "A retry under the same Idempotency-Key with the same body: the first result, unchanged.";
        return Task.CompletedTask;
    }
}
