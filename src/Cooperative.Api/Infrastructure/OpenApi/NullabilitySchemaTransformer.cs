using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// Required and nullable from the C# types, which the generator does not read: a property whose type is nullable
/// (<c>int?</c>, <c>string?</c>: how requests spell optional input) is not required and is <c>nullable</c>; any
/// other is required and not nullable. Properties that become references to component schemas keep their reference
/// (OpenAPI 3.0 cannot put <c>nullable</c> beside <c>$ref</c>).
/// </summary>
internal sealed class NullabilitySchemaTransformer : IOpenApiSchemaTransformer
{
    private const string SchemaIdAnnotation = "x-schema-id";
    private readonly NullabilityInfoContext _nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var info = context.JsonTypeInfo;
        // A nullable value type of its own schema (Nullable<TEnum>): the generator writes `nullable` without `type`.
        if (Nullable.GetUnderlyingType(info.Type) is { IsEnum: true } && schema.Type is null)
        {
            schema.Type = "string";
            schema.Nullable = true;
        }
        if (info.Kind != JsonTypeInfoKind.Object) return Task.CompletedTask;
        foreach (var property in info.Properties)
        {
            var nullable = IsNullable(property);
            if (nullable) schema.Required.Remove(property.Name);
            if (schema.Properties.TryGetValue(property.Name, out var propertySchema) && !IsReference(propertySchema))
                propertySchema.Nullable = nullable;
        }
        return Task.CompletedTask;
    }

    private bool IsNullable(JsonPropertyInfo property)
    {
        if (property.PropertyType.IsValueType) return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        lock (_nullability)
        {
            return property.AttributeProvider switch
            {
                PropertyInfo p => _nullability.Create(p).ReadState != NullabilityState.NotNull,
                FieldInfo f => _nullability.Create(f).ReadState != NullabilityState.NotNull,
                _ => true,
            };
        }
    }

    private static bool IsReference(OpenApiSchema schema) =>
        schema.Reference is not null || schema.Annotations?.ContainsKey(SchemaIdAnnotation) == true;
}
