using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;
using Hl7.Fhir.Model;
using RestClaim = Cooperative.Api.Claims.ClaimResponse;

namespace Cooperative.Api.Fhir;

/// <summary>
/// A settled claim's parts (结算单) as FHIR totals, for ClaimResponse and ExplanationOfBenefit alike: each in the project's
/// adjudication CodeSystem, and where HL7's adjudication codes say the same, in those too. They reconcile as the
/// settlement does: fund + catastrophic + assistance + patient = submitted; payout = fund + catastrophic + assistance.
/// </summary>
internal static class Adjudication
{
    public sealed record Part(string Code, string Display, string? Hl7Code, decimal Amount);

    public static IReadOnlyList<Part> Parts(RestClaim c)
    {
        var s = c.Settlement;
        var parts = new List<Part> { new("submitted", "费用总额", "submitted", c.Total) };
        if (s is not null)
        {
            parts.Add(new("excluded", "目录外/自费", null, s.Excluded));
            parts.Add(new("partly-self-paid", "乙类先行自付", null, s.PartlySelfPaid));
        }
        parts.Add(new("eligible", "可报销费用", "eligible", c.Eligible));
        if (s is not null) parts.Add(new("deductible", "起付线", "deductible", s.DeductibleApplied));
        parts.Add(new("fund", "基本医疗统筹基金支付", null, c.FundPays));
        parts.Add(new("catastrophic", "大病保险支付", null, c.CatastrophicPays));
        parts.Add(new("assistance", "医疗救助支付", null, c.AssistancePays));
        parts.Add(new("payout", "合计支付", "benefit", c.Payout));
        parts.Add(new("patient", "个人自付", null, c.PatientPays));
        return parts;
    }

    public static CodeableConcept Category(Part part)
    {
        var category = new CodeableConcept(FhirSystems.Adjudication, part.Code, part.Display) { Text = part.Display };
        if (part.Hl7Code is { } hl7) category.Coding.Add(new Coding(FhirSystems.HL7Adjudication, hl7));
        return category;
    }

    public static CodeableConcept ClaimType(VisitType visit) => visit switch
    {
        VisitType.Inpatient => new CodeableConcept(FhirSystems.ClaimType, "institutional") { Text = "住院" },
        VisitType.Outpatient => new CodeableConcept(FhirSystems.ClaimType, "professional") { Text = "门诊" },
    };

    /// <summary>Settled, approved or paid: complete; waiting for documents or a reviewer: queued; refused: error.</summary>
    public static ClaimProcessingCodes Outcome(ClaimStatus status) => status switch
    {
        ClaimStatus.Settled or ClaimStatus.Approved or ClaimStatus.Paid or ClaimStatus.Reversed => ClaimProcessingCodes.Complete,
        ClaimStatus.Submitted or ClaimStatus.PendingDocuments or ClaimStatus.UnderReview => ClaimProcessingCodes.Queued,
        ClaimStatus.Rejected => ClaimProcessingCodes.Error,
    };

    /// <summary>A reversed claim (已冲销) is cancelled; every other is active.</summary>
    public static FinancialResourceStatusCodes Status(ClaimStatus status) =>
        status == ClaimStatus.Reversed ? FinancialResourceStatusCodes.Cancelled : FinancialResourceStatusCodes.Active;

    public static ResourceReference Facility(RestClaim c) => new()
    {
        Identifier = c.FacilityCode is null ? null : new Identifier(FhirSystems.FacilityCode, c.FacilityCode),
        Display = c.FacilityName,
    };

    public static List<Identifier> Identifiers(RestClaim c) =>
        [new Identifier(FhirSystems.ClaimNumber, c.Number), new Identifier(FhirSystems.InvoiceNumber, c.InvoiceNumber)];

    /// <summary>The payment's kind: the claim's whole payout, paid to the facility in its monthly settlement.</summary>
    public static CodeableConcept CompletePayment() => new(FhirSystems.PaymentType, "complete");

    /// <summary>Why the claim was paid as it was, and its flags (Chinese), as process notes' texts.</summary>
    public static IEnumerable<string> Notes(RestClaim c) =>
        (c.Settlement?.Notes ?? []).Concat(c.ReviewNote is null ? [] : [c.ReviewNote]);
}
