using System.Net;
using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Task = System.Threading.Tasks.Task;

namespace Cooperative.Api.Tests.Fhir;

/// <summary>
/// Every resource the tests send or receive is checked by Firely's profile validator against the R4 core definitions
/// (Hl7.Fhir.Specification.Data.R4's specification.zip): cardinalities, types, invariants, required bindings.
/// </summary>
internal static class FhirAssert
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, LocalTerminologyService.CreateDefaultForCore(source));
    });

    private static readonly Lock Gate = new();

    public static T Valid<T>(T resource) where T : Resource
    {
        OperationOutcome outcome;
        lock (Gate) outcome = Validator.Value.Validate(resource);
        var errors = outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text} {i.Diagnostics}").ToList();
        errors.Should().BeEmpty($"the {resource.TypeName} should be valid FHIR R4:\n{resource.ToJson()}");
        return resource;
    }

    /// <summary>The answer as a resource of the expected type, in FHIR JSON, valid.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
        where T : Resource
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/fhir+json", text);
        var resource = JsonSerializer.Deserialize<Resource>(text, Json);
        resource.Should().BeOfType<T>(text);
        return Valid((T)resource!);
    }

    /// <summary>An OperationOutcome with the status and the API's stable code in <c>issue.details.coding</c>.</summary>
    public static async Task<OperationOutcome> ShouldBeOutcomeAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var outcome = await response.ReadAsync<OperationOutcome>(status);
        outcome.Issue.Should().NotBeEmpty();
        outcome.Issue.SelectMany(i => i.Details!.Coding).Select(c => c.Code).Should().Contain(code, outcome.ToJson());
        outcome.Issue.Should().OnlyContain(i => i.Details!.Coding.All(c => c.System == FhirScenario.Base + "/CodeSystem/error"));
        return outcome;
    }

    public static decimal Total(this ClaimResponse response, string code) =>
        response.Total.Single(t => t.Category.Coding.Any(c => c.Code == code && c.System == FhirScenario.Base + "/CodeSystem/adjudication"))
            .Amount.Value!.Value;
}
