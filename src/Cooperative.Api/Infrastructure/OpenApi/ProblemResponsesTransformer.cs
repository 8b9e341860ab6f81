using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// The problem answers every operation can give, from what the pipeline does to any request (binding, unknown
/// resources, rate limits, body size, the database), and each declared one's codes; every problem answer uses the
/// shared <c>ProblemDetails</c> schema.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var declared in metadata.OfType<ProblemCodesMetadata>())
            ProblemResponses.Add(operation, declared.StatusCode, Describe(declared));
        if (operation.Parameters?.Count > 0 || operation.RequestBody is not null)
            ProblemResponses.Add(operation, StatusCodes.Status400BadRequest, "Invalid input: `validation_failed` with the "
                + "messages per field in `errors`, or `malformed_request` when a parameter or the body cannot be read.");
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
            ProblemResponses.Add(operation, StatusCodes.Status404NotFound, "Nothing at this address (`not_found`).");
        if (metadata.OfType<IRequestSizeLimitMetadata>().Any())
            ProblemResponses.Add(operation, StatusCodes.Status413PayloadTooLarge, "The body is too large (`payload_too_large`).");
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            ProblemResponses.Add(operation, StatusCodes.Status429TooManyRequests,
                "Too many requests from this address in the window (`too_many_requests`); retry after `Retry-After` seconds.");
        ProblemResponses.Add(operation, StatusCodes.Status503ServiceUnavailable,
            "The database is unavailable or busy (`database_unavailable`, `database_busy`); nothing was done: retry after "
            + "`Retry-After` seconds.");
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.Length == 3 && r.Key[0] is '4' or '5'))
        {
            response.Content.Clear();
            response.Content[ProblemResponses.ContentType] = new OpenApiMediaType { Schema = ProblemResponses.SchemaReference() };
            if (ProblemResponses.IsDefault(response.Description)) response.Description = Generic(status);
        }
        return Task.CompletedTask;
    }

    private static string Describe(ProblemCodesMetadata declared) => declared.Codes.Count == 0
        ? Generic(declared.StatusCode.ToString(CultureInfo.InvariantCulture))
        : $"{Reason(declared.StatusCode)}: {string.Join(", ", declared.Codes.Select(c => $"`{c}`"))}.";

    private static string Generic(string status) => status switch
    {
        "409" => "The request conflicts with the current state (see `code`).",
        "422" => "The request is well formed but the scheme's rules refuse it (see `code`).",
        _ => $"{Reason(int.Parse(status, CultureInfo.InvariantCulture))} (see `code`).",
    };

    private static string Reason(int status) => status switch
    {
        400 => "Invalid input",
        404 => "Not found",
        409 => "Conflicts with the current state",
        422 => "Refused by the scheme's rules",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
