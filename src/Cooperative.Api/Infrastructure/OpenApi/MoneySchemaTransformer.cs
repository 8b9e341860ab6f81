using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// Money and ratios are <c>decimal</c> (two places for yuan): documented as <c>number</c> with format <c>decimal</c>, so
/// that a generated client reads them as a decimal type rather than a binary double that cannot hold 0.1 exactly.
/// </summary>
public sealed class MoneySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal)) schema.Format = "decimal";
        return Task.CompletedTask;
    }
}
