using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// The one problem schema of every error answer: RFC 9457 with the stable <c>code</c> (all codes listed), the
/// <c>traceId</c> and, for validation, <c>errors</c> per field. The framework's own problem types are kept out of the components (<see cref="OpenApiSetup"/>).
/// </summary>
internal sealed class ProblemDetailsSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas[ProblemResponses.SchemaId] = new OpenApiSchema
        {
            Type = "object",
            Description = "An error (RFC 9457 problem details). Clients act on `code`, which is stable; `title` and "
                + "`detail` are Chinese and for people.",
            Required = new SortedSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, OpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem: `urn:cooperative:problem:{code}`."),
                ["title"] = Text("A short Chinese summary for people."),
                ["status"] = new() { Type = "integer", Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong with this request, in Chinese.", nullable: true),
                ["instance"] = Text("The request's path.", nullable: true),
                ["code"] = new()
                {
                    Type = "string",
                    Description = "The stable machine-readable code. All codes: "
                        + string.Join(", ", ProblemCodes.All.Select(c => $"`{c}`")) + ".",
                    Example = new OpenApiString("validation_failed"),
                },
                ["traceId"] = Text("The request's trace id, to quote to the scheme office.", nullable: true),
                ["errors"] = new()
                {
                    Type = "object",
                    Nullable = true,
                    Description = "With `validation_failed`: the messages (Chinese) per field, keyed by the field's JSON name.",
                    AdditionalProperties = new OpenApiSchema { Type = "array", Items = new OpenApiSchema { Type = "string" } },
                },
            },
            AdditionalProperties = new OpenApiSchema { Description = "Further facts of some problems (a claim number, `Retry-After` seconds...)." },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description, bool nullable = false) =>
        new() { Type = "string", Description = description, Nullable = nullable };
}
