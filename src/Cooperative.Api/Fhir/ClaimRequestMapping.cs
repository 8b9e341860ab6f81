using System.Globalization;
using Cooperative.Api.Claims;
using Cooperative.Api.Policy;
using Cooperative.Domain.Reimbursement;
using FhirClaim = Hl7.Fhir.Model.Claim;

namespace Cooperative.Api.Fhir;

/// <summary>
/// A FHIR Claim read as the REST request of a facility's bill (<see cref="FacilityClaimRequest"/>), so that it takes the
/// one submission path. What is missing or unreadable stays null, and the REST checks name it (at the FHIR path below).
/// </summary>
internal static class ClaimRequestMapping
{
    /// <summary>The REST field of a check and the FHIR element it was read from.</summary>
    private static readonly Dictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["idNumber"] = "Claim.patient.identifier",
        ["cardNumber"] = "Claim.patient.identifier",
        ["patientName"] = "Claim.patient.display",
        ["visitType"] = "Claim.type",
        ["admissionDate"] = "Claim.billablePeriod.start",
        ["dischargeDate"] = "Claim.billablePeriod.end",
        ["diagnosisCode"] = "Claim.diagnosis",
        ["invoiceNumber"] = "Claim.identifier",
        ["lines"] = "Claim.item",
    };

    public static FacilityClaimRequest ToRequest(FhirClaim claim)
    {
        var patient = claim.Patient?.Identifier;
        var byCard = patient?.System == FhirSystems.CardNumber;
        var diagnosis = claim.Diagnosis.OrderBy(d => d.Sequence).Select(d => d.Diagnosis).OfType<Hl7.Fhir.Model.CodeableConcept>()
            .SelectMany(d => d.Coding).FirstOrDefault(c => c.System == FhirSystems.Icd10)?.Code;
        var lines = claim.Item.OrderBy(i => i.Sequence).Select(Line).ToList();
        return new FacilityClaimRequest(byCard ? null : patient?.Value, byCard ? patient?.Value : null, claim.Patient?.Display,
            VisitOf(claim), Day(claim.BillablePeriod?.Start), Day(claim.BillablePeriod?.End), diagnosis, claim.Referral is not null,
            InvoiceNumber(claim), lines.Count == 0 ? null : lines);
    }

    /// <summary>The bill's invoice number: the Claim's identifier in the invoice-number system.</summary>
    public static string? InvoiceNumber(FhirClaim claim) =>
        claim.Identifier.FirstOrDefault(i => i.System == FhirSystems.InvoiceNumber)?.Value;

    /// <summary>The FHIR path of a REST field's error (lines[2].amount is Claim.item[2].amount).</summary>
    public static string? PathOf(string field) =>
        field.StartsWith("lines", StringComparison.Ordinal) ? "Claim.item" + field["lines".Length..] : Paths.GetValueOrDefault(field);

    /// <summary>An institutional claim is a stay (住院), a professional one a visit (门诊).</summary>
    private static VisitType? VisitOf(FhirClaim claim) =>
        claim.Type?.Coding.FirstOrDefault(c => c.System == FhirSystems.ClaimType)?.Code switch
        {
            "institutional" => VisitType.Inpatient,
            "professional" => VisitType.Outpatient,
            _ => null,
        };

    private static BillLineInput Line(FhirClaim.ItemComponent item)
    {
        var coding = item.ProductOrService?.Coding.FirstOrDefault(c => c.System == FhirSystems.Catalogue);
        return new BillLineInput(coding?.Code, coding?.Display ?? item.ProductOrService?.Text, item.Quantity?.Value, item.UnitPrice?.Value,
            item.Net?.Value ?? 0m, null, null);
    }

    private static DateOnly? Day(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var day) ? day : null;
}
