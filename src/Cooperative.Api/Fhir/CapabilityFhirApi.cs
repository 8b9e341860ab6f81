using Cooperative.Api.Infrastructure;
using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace Cooperative.Api.Fhir;

/// <summary>The server's CapabilityStatement at /fhir/metadata: anonymous, as FHIR requires; what it lists is what is mapped.</summary>
internal static class CapabilityFhirApi
{
    public static void MapCapabilityStatement(this RouteGroupBuilder fhir) =>
        fhir.MapGet("/metadata", (HttpRequest request, TimeProvider clock) => new FhirResult(Build(request, clock))).AllowAnonymous();

    private static CapabilityStatement Build(HttpRequest request, TimeProvider clock) => new()
    {
        Status = PublicationStatus.Active,
        Date = FhirJson.Date(clock.Today()),
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "Cooperative" },
        Implementation = new ImplementationComponent { Description = "新型农村合作医疗 FHIR R4 接口", Url = FhirJson.BaseUrl(request) },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = "Bearer access tokens from /connect/token (OAuth 2.0: password grant for staff, "
                                + "client credentials for facilities). "
                                + "Errors are OperationOutcome with the API's stable code in issue.details.coding.",
                Security = new SecurityComponent
                {
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth")],
                    Description = "OAuth 2.0 bearer tokens; a facility sees its own claims and persons masked.",
                },
                Resource =
                [
                    Resource(ResourceType.Patient, [TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType], Search("identifier")),
                    Resource(ResourceType.Coverage, [TypeRestfulInteraction.SearchType], Search("identifier")),
                    Resource(ResourceType.CoverageEligibilityRequest, [], [],
                        new OperationComponent { Name = "evaluate", Definition = FhirSystems.Base + "/OperationDefinition/evaluate" }),
                    Resource(ResourceType.CoverageEligibilityResponse, [], []),
                    Resource(ResourceType.Claim, [TypeRestfulInteraction.Create], []),
                    Resource(ResourceType.ClaimResponse, [TypeRestfulInteraction.Read], []),
                    Resource(ResourceType.ExplanationOfBenefit, [TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType],
                        [.. Search("identifier"), .. Search("patient", SearchParamType.Reference)]),
                    Resource(ResourceType.PaymentReconciliation, [TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType],
                        [.. Search("facility"), .. Search("period", SearchParamType.Date)]),
                ],
            },
        ],
    };

    private static ResourceComponent Resource(ResourceType type, IEnumerable<TypeRestfulInteraction> interactions,
        IEnumerable<CapabilityStatement.SearchParamComponent> search, OperationComponent? operation = null) => new()
    {
        Type = type.ToString(),
        Profile = ModelInfo.CanonicalUriForFhirCoreType(type.ToString()).Value,
        Interaction = interactions.Select(i => new ResourceInteractionComponent { Code = i }).ToList(),
        SearchParam = search.ToList(),
        Operation = operation is null ? [] : [operation],
    };

    private static List<CapabilityStatement.SearchParamComponent> Search(string name, SearchParamType type = SearchParamType.Token) =>
        [new CapabilityStatement.SearchParamComponent { Name = name, Type = type }];
}
