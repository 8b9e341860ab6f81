using Microsoft.AspNetCore.Mvc;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>A problem answer an endpoint can give and the stable codes it then carries, for the document.</summary>
public sealed record ProblemCodesMetadata(int StatusCode, IReadOnlyList<string> Codes);

public static class ProblemCodesEndpointExtensions
{
    /// <summary>
    /// Declares a problem answer (<c>application/problem+json</c>) with the codes it can carry: the document lists
    /// them in the response's description.
    /// </summary>
    public static TBuilder ProducesProblemCodes<TBuilder>(this TBuilder builder, int statusCode, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), [ProblemResponses.ContentType]),
            new ProblemCodesMetadata(statusCode, codes));
}
