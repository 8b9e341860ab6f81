using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>Problem answers (<c>application/problem+json</c>) pointing at the one shared <c>ProblemDetails</c> schema.</summary>
internal static class ProblemResponses
{
    internal const string ContentType = "application/problem+json";
    internal const string SchemaId = "ProblemDetails";

    internal static OpenApiSchema SchemaReference() =>
        new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = SchemaId } };

    /// <summary>Adds the answer unless the endpoint declared it; a declared one keeps its description.</summary>
    internal static void Add(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var existing))
        {
            if (IsDefault(existing.Description)) existing.Description = description;
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = { [ContentType] = new OpenApiMediaType { Schema = SchemaReference() } },
        };
    }

    /// <summary>The reason phrase the generator writes when the endpoint said nothing more.</summary>
    internal static bool IsDefault(string? description) =>
        string.IsNullOrWhiteSpace(description) || description is "Bad Request" or "Not Found" or "Conflict"
            or "Unprocessable Entity" or "Too Many Requests" or "Service Unavailable" or "Unauthorized" or "Forbidden"
            or "Payload Too Large" or "Content Too Large";
}
