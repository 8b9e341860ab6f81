using Hl7.Fhir.Model;
using Entity = Cooperative.Api.Claims.Claim;
using RestClaim = Cooperative.Api.Claims.ClaimResponse;

namespace Cooperative.Api.Fhir;

/// <summary>
/// A claim as its ExplanationOfBenefit (补偿结算单): the stay, the diagnosis, the itemized bill (catalogue codes), the
/// settlement's parts as totals and what the county pays. Its id is the claim number; masked as the REST answer is.
/// </summary>
internal static class ExplanationOfBenefitMapping
{
    public static ExplanationOfBenefit ToFhir(Entity claim, bool staff)
    {
        var c = RestClaim.From(claim, staff);
        return new ExplanationOfBenefit
        {
            Id = c.Number,
            Identifier = Adjudication.Identifiers(c),
            Status = c.Status == Domain.Claims.ClaimStatus.Reversed
                ? ExplanationOfBenefit.ExplanationOfBenefitStatus.Cancelled
                : ExplanationOfBenefit.ExplanationOfBenefitStatus.Active,
            Type = Adjudication.ClaimType(c.VisitType),
            Use = ClaimUseCode.Claim,
            Patient = PatientMapping.Reference(claim.PersonId, c.PatientName),
            BillablePeriod = new Period(FhirJson.Day(c.AdmissionDate), FhirJson.Day(c.DischargeDate)),
            Created = FhirJson.Instant(claim.SettledUtc ?? claim.SubmittedUtc),
            Insurer = CoverageFhirApi.Insurer(),
            Provider = Adjudication.Facility(c),
            Outcome = Adjudication.Outcome(c.Status),
            Disposition = c.StatusText,
            Insurance =
            [
                new ExplanationOfBenefit.InsuranceComponent { Focal = true, Coverage = CoverageFhirApi.CoverageOf(null, c.FundYear) },
            ],
            Diagnosis =
            [
                new ExplanationOfBenefit.DiagnosisComponent
                {
                    Sequence = 1, Diagnosis = new CodeableConcept(FhirSystems.Icd10, c.DiagnosisCode),
                },
            ],
            Item = c.Lines.Select(l => new ExplanationOfBenefit.ItemComponent
            {
                Sequence = l.LineNo,
                ProductOrService = l.Code.Length == 0
                    ? new CodeableConcept { Text = l.Name }
                    : new CodeableConcept(FhirSystems.Catalogue, l.Code, l.Name) { Text = l.Name },
                Quantity = l.Quantity is { } q ? new Quantity { Value = q } : null,
                UnitPrice = l.UnitPrice is { } p ? FhirJson.Yuan(p) : null,
                Net = FhirJson.Yuan(l.Amount),
            }).ToList(),
            Total = Adjudication.Parts(c).Select(p => new ExplanationOfBenefit.TotalComponent
            {
                Category = Adjudication.Category(p), Amount = FhirJson.Yuan(p.Amount),
            }).ToList(),
            Payment = c.Payout > 0
                ? new ExplanationOfBenefit.PaymentComponent { Type = Adjudication.CompletePayment(), Amount = FhirJson.Yuan(c.Payout) }
                : null,
            ProcessNote = Adjudication.Notes(c).Select((text, i) => new ExplanationOfBenefit.NoteComponent { Number = i + 1, Text = text })
                .ToList(),
        };
    }
}
