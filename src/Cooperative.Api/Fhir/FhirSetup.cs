
namespace Cooperative.Api.Fhir;

/// <summary>
/// FHIR R4 under /fhir: the same data and rules as /api, for hospital information systems that speak FHIR. JSON only.
/// Out of the OpenAPI document: the CapabilityStatement at /fhir/metadata describes it.
/// </summary>
public static class FhirSetup
{
    public const string Prefix = "/fhir";

    public static IServiceCollection AddFhir(this IServiceCollection services)
    {
        // First in line: the problem details service asks its writers in order, and the default one writes for any path.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, FhirProblemWriter>());
        return services;
    }

    public static RouteGroupBuilder MapFhir(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).ExcludeFromDescription().WithTags("FHIR");
        group.MapCapabilityStatement();
        group.MapFhirPatients();
        group.MapFhirCoverage();
        group.MapFhirEligibility();
        group.MapFhirClaims();
        group.MapFhirExplanationOfBenefit();
        group.MapFhirPaymentReconciliation();
        return group;
    }

    internal static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
