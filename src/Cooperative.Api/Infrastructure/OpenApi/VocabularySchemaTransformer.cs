using System.Reflection;
using Cooperative.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// A request field given as text that takes the codes of an enumeration (with field-level checks in Chinese rather
/// than a JSON error): documented with that enumeration's codes.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CodesOfAttribute(Type enumeration) : Attribute
{
    public Type Enumeration { get; } = enumeration;
}

/// <summary>
/// Enumerations in the document as they are on the wire (<see cref="Vocabulary"/>): a string whose allowed values are
/// the codes, described with their Chinese labels and the aliases input accepts.
/// </summary>
public sealed class VocabularySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum) Describe(schema, enumType, nullable: enumType != type);
        else if (context.JsonTypeInfo.ElementType is { IsEnum: true } element && schema.Type == "array")
        {
            // The package drops the items of a list of enumerations whose converter it does not know: say them here.
            schema.Items ??= new OpenApiSchema();
            Describe(schema.Items, element, nullable: false);
        }
        else if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
            && provider.GetCustomAttributes(typeof(CodesOfAttribute), false).FirstOrDefault() is CodesOfAttribute codes)
            Describe(schema, codes.Enumeration, nullable: schema.Nullable);
        return Task.CompletedTask;
    }

    public static void Describe(OpenApiSchema schema, Type enumType, bool nullable)
    {
        var terms = Vocabulary.Terms(enumType);
        schema.Type = "string";
        schema.Format = null;
        schema.Nullable = nullable;
        schema.Enum = terms.Select(t => (IOpenApiAny)new OpenApiString(t.Code)).ToList();
        if (nullable) schema.Enum.Add(new OpenApiNull());
        schema.Description = Describe(terms);
    }

    private static string Describe(IReadOnlyList<Term> terms) =>
        "Codes (labels; accepted aliases): " + string.Join("; ", terms.Select(t =>
            $"`{t.Code}` {t.Label}{(t.Aliases.Count > 0 ? $" ({string.Join("、", t.Aliases)})" : "")}")) + ".";
}
