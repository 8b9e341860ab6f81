using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Identity;
using Hl7.Fhir.Model;

namespace Cooperative.Api.Fhir;

/// <summary>
/// The coverage check (参合资格查询) as an operation: <c>POST /fhir/CoverageEligibilityRequest/$evaluate</c> with a request
/// naming the patient by ID number and the date of service answers a CoverageEligibilityResponse (nothing is stored):
/// in force or not and why, and what is left of each yearly cap. The REST check's reader, masked the same way.
/// </summary>
internal static class EligibilityFhirApi
{
    public static void MapFhirEligibility(this RouteGroupBuilder fhir) =>
        fhir.MapPost("/CoverageEligibilityRequest/$evaluate", Evaluate).RequireAuthorization(Policies.CoverageCheckers);

    private static async Task<IResult> Evaluate(HttpRequest http, ClaimsPrincipal user, CooperativeDbContext db, IPolicyStore policies,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, error) = await FhirJson.ReadAsync<CoverageEligibilityRequest>(http, ct);
        if (error is not null) return error;
        var patient = request!.Patient?.Identifier;
        if (patient is null || (patient.System is { } system && system != FhirSystems.ResidentId))
            return FhirOutcomes.Error(StatusCodes.Status400BadRequest, "validation_failed", "请求数据有误",
                $"CoverageEligibilityRequest.patient.identifier 应为身份证号（{FhirSystems.ResidentId}）");
        var check = ResidentIdNumber.Validate(patient.Value);
        if (!check.IsValid) return FhirOutcomes.Error(StatusCodes.Status400BadRequest, check.ErrorCode!, check.Message!);
        var date = clock.Today();
        if (request.Serviced is Date { Value: { } day } && !DateOnly.TryParseExact(day, "yyyy-MM-dd", out date))
            return FhirOutcomes.Error(StatusCodes.Status400BadRequest, "validation_failed", "请求数据有误", "servicedDate 应为 yyyy-MM-dd");

        var reader = new CoverageReader(db, policies, masked: user.SeesPersonsMasked());
        var answer = await reader.ForPersonAsync(check.Normalized!, date, ct);
        if (answer is null) return FhirOutcomes.Error(StatusCodes.Status404NotFound, "person_not_found", "未找到该身份证号的参合人员");
        return new FhirResult(ToFhir(request, answer, clock));
    }

    private static CoverageEligibilityResponse ToFhir(CoverageEligibilityRequest request, CoverageResponse answer,
        TimeProvider clock) => new()
    {
        Status = FinancialResourceStatusCodes.Active,
        Purpose =
        [
            CoverageEligibilityResponse.EligibilityResponsePurpose.Validation,
            CoverageEligibilityResponse.EligibilityResponsePurpose.Benefits,
        ],
        Patient = new ResourceReference { Identifier = new Identifier(FhirSystems.ResidentId, answer.IdNumber), Display = answer.Name },
        Serviced = new Date(FhirJson.Date(answer.Date)),
        Created = FhirJson.Instant(clock.GetUtcNow().UtcDateTime),
        Request = new ResourceReference { Identifier = request.Identifier.FirstOrDefault(), Display = "CoverageEligibilityRequest" },
        Outcome = ClaimProcessingCodes.Complete,
        Disposition = answer.Message,
        Insurer = CoverageFhirApi.Insurer(),
        Insurance =
        [
            new CoverageEligibilityResponse.InsuranceComponent
            {
                Coverage = CoverageFhirApi.CoverageOf(answer.CardNumber, answer.FundYear),
                Inforce = answer.Covered,
                Item = Remaining(answer.Remaining).ToList(),
            },
        ],
        Error = answer.Reason is { } reason
            ? [new CoverageEligibilityResponse.ErrorsComponent { Code = new CodeableConcept(FhirSystems.Error, reason, answer.Message) }]
            : [],
    };

    /// <summary>What is left of each yearly cap (剩余额度), one item per pot.</summary>
    private static IEnumerable<CoverageEligibilityResponse.ItemsComponent> Remaining(RemainingCapsResponse? caps)
    {
        if (caps is null) yield break;
        yield return Item("inpatient", "住院", caps.Inpatient);
        yield return Item("outpatient", "门诊", caps.Outpatient);
        foreach (var chronic in caps.Chronic ?? []) yield return Item($"chronic:{chronic.Group}", chronic.Name, chronic.Remaining);
        if (caps.Catastrophic is { } catastrophic) yield return Item("catastrophic", "大病保险", catastrophic);
        if (caps.Assistance is { } assistance) yield return Item("assistance", "医疗救助", assistance);
    }

    private static CoverageEligibilityResponse.ItemsComponent Item(string pot, string name, decimal remaining) => new()
    {
        Category = new CodeableConcept(FhirSystems.Benefit, pot, name) { Text = name },
        Benefit =
        [
            new CoverageEligibilityResponse.BenefitComponent
            {
                Type = new CodeableConcept(FhirSystems.Benefit, "remaining", "剩余额度") { Text = "剩余额度" },
                Allowed = FhirJson.Yuan(remaining),
            },
        ],
    };
}
