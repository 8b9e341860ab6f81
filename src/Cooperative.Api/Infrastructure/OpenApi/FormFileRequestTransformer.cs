using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>An endpoint that reads one uploaded file from a multipart form itself, and the form field it reads.</summary>
public sealed record FileUploadMetadata(string FieldName);

/// <summary>
/// The request body of an endpoint with <see cref="FileUploadMetadata"/>: a <c>multipart/form-data</c> form with the
/// file in its field. (Declaring <c>Accepts&lt;IFormFile&gt;</c> instead leaves an unused <c>IFormFile</c> schema.)
/// </summary>
internal sealed class FormFileRequestTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var upload = context.Description.ActionDescriptor.EndpointMetadata.OfType<FileUploadMetadata>().FirstOrDefault();
        if (upload is null) return Task.CompletedTask;
        var file = new OpenApiSchema { Type = "string", Format = "binary", Description = "The file to upload." };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content =
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = "object",
                        Required = new SortedSet<string> { upload.FieldName },
                        Properties = { [upload.FieldName] = file },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
