using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> that facilities' vendors build against: summaries live next to
/// their endpoints; what holds for every endpoint (security, problem answers, headers, nullability) is derived
/// here from endpoint metadata, one transformer per concern.
/// </summary>
public static class OpenApiSetup
{
    private static readonly HashSet<Type> Inline = [typeof(HttpValidationProblemDetails), typeof(ProblemDetails)];

    public static IServiceCollection AddCooperativeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // The framework's problem types stay inline: every problem answer points at our own ProblemDetails schema.
            o.CreateSchemaReferenceId = type => Inline.Contains(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddDocumentTransformer<DocumentInfoTransformer>();
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddDocumentTransformer<ProblemDetailsSchemaTransformer>();
            o.AddOperationTransformer<SecurityRequirementTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddOperationTransformer<IdempotencyKeyTransformer>();
            o.AddOperationTransformer<FileResponsesTransformer>();
            o.AddOperationTransformer<AlternativeResponsesTransformer>();
            o.AddOperationTransformer<RequestExamplesTransformer>();
            o.AddOperationTransformer<FormFileRequestTransformer>();
            o.AddSchemaTransformer<NullabilitySchemaTransformer>();
            // Enumerations as their codes (Domain.Vocabulary), after nullability so that their own nullable stands.
            o.AddSchemaTransformer<VocabularySchemaTransformer>();
            o.AddSchemaTransformer<MoneySchemaTransformer>();
        });
}
