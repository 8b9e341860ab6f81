using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// A handler typed <c>Results&lt;Ok&lt;A&gt;, Ok&lt;B&gt;, ...&gt;</c> answers 200 with either body; the generator keeps only
/// the last, so the 200 answer becomes <c>oneOf</c> the bodies (the coverage check: one person or a household).
/// </summary>
internal sealed class AlternativeResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        var bodies = handler is null ? [] : OkBodies(Unwrap(handler.ReturnType)).Distinct().ToList();
        if (bodies.Count < 2 || bodies.Any(b => b.IsGenericType)
            || !operation.Responses.TryGetValue("200", out var ok) || !ok.Content.TryGetValue("application/json", out var json))
            return Task.CompletedTask;
        json.Schema = new OpenApiSchema
        {
            OneOf = bodies.Select(b => new OpenApiSchema { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = b.Name } })
                .ToList(),
        };
        return Task.CompletedTask;
    }

    private static Type Unwrap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;

    private static IEnumerable<Type> OkBodies(Type result) =>
        result.IsGenericType && typeof(INestedHttpResult).IsAssignableFrom(result)
            ? result.GetGenericArguments().Where(a => a.IsGenericType && a.GetGenericTypeDefinition() == typeof(Ok<>))
                .Select(a => a.GetGenericArguments()[0])
            : [];
}
