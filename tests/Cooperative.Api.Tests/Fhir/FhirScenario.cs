using System.Net;
using System.Net.Http.Headers;
using Cooperative.Api.Tests.Enrollment;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Cooperative.Api.Tests.Fhir;

/// <summary>The claim scenario's bills as FHIR Claims, and FHIR requests over HTTP.</summary>
internal static class FhirScenario
{
    public const string Base = "https://cooperative.example/fhir";
    public const string ResidentId = Base + "/NamingSystem/resident-id";
    public const string CardNumber = Base + "/NamingSystem/card-number";
    public const string Card = "3301991010010001";

    /// <summary>The county-hospital bill of the hand calculation (fund 3,080, patient 2,420) as a FHIR Claim.</summary>
    public static Claim InpatientClaim(Member patient, string invoice = "FP-0001", string facility = "H0001") => new()
    {
        Status = FinancialResourceStatusCodes.Active,
        Identifier = [new Identifier(Base + "/NamingSystem/invoice-number", invoice)],
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "institutional"),
        Use = ClaimUseCode.Claim,
        Patient = new ResourceReference { Identifier = new Identifier(ResidentId, patient.IdNumber), Display = patient.Name },
        BillablePeriod = new Period(new FhirDateTime(2026, 11, 10), new FhirDateTime(2026, 11, 15)),
        Created = "2026-11-20",
        Provider = new ResourceReference { Identifier = new Identifier(Base + "/NamingSystem/facility-code", facility) },
        Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
        Referral = new ResourceReference { Display = "转诊" },
        Diagnosis =
        [
            new Claim.DiagnosisComponent { Sequence = 1, Diagnosis = new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "K35.8") },
        ],
        Insurance =
        [
            new Claim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference { Display = "2026年度新农合" } },
        ],
        Item =
        [
            Item(1, "S0002", "住院诊查费", 10m, 300m, 3000m),
            Item(2, "D0003", "左氧氟沙星注射液", 40m, 50m, 2000m),
            Item(3, "D0901", "冬虫夏草", 1m, 500m, 500m),
        ],
        Total = Yuan(5500m),
    };

    private static Claim.ItemComponent Item(int sequence, string code, string name, decimal quantity, decimal price,
        decimal amount) => new()
    {
        Sequence = sequence,
        ProductOrService = new CodeableConcept(Base + "/CodeSystem/catalogue", code, name),
        Quantity = new Quantity { Value = quantity },
        UnitPrice = Yuan(price),
        Net = Yuan(amount),
    };

    private static Money Yuan(decimal amount) => new() { Value = amount, Currency = Money.Currencies.CNY };

    /// <summary>Posts a new claim and reads its ClaimResponse (201).</summary>
    public static async Task<ClaimResponse> SubmitAsync(HttpClient client, Claim claim, string? idempotencyKey = null) =>
        await (await PostAsync(client, "/fhir/Claim", claim, idempotencyKey)).ReadAsync<ClaimResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Resource resource, string? idempotencyKey = null) =>
        PostRawAsync(client, path, FhirAssert.Valid(resource).ToJson(), idempotencyKey);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, new MediaTypeHeaderValue("application/fhir+json")),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static string Token(string system, string value) => Uri.EscapeDataString($"{system}|{value}");
}
