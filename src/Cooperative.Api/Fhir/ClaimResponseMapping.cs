using Hl7.Fhir.Model;
using Entity = Cooperative.Api.Claims.Claim;
using RestClaim = Cooperative.Api.Claims.ClaimResponse;

namespace Cooperative.Api.Fhir;

/// <summary>
/// A claim as the ClaimResponse of its submission: the same masking as the REST answer (it is built from it), the settlement
/// as totals (<see cref="Adjudication"/>), the status in Chinese as the disposition. Its id is the claim number.
/// </summary>
internal static class ClaimResponseMapping
{
    public static ClaimResponse ToFhir(Entity claim, bool staff)
    {
        var c = RestClaim.From(claim, staff);
        return new ClaimResponse
        {
            Id = c.Number,
            Identifier = Adjudication.Identifiers(c),
            Status = Adjudication.Status(c.Status),
            Type = Adjudication.ClaimType(c.VisitType),
            Use = ClaimUseCode.Claim,
            Patient = PatientMapping.Reference(claim.PersonId, c.PatientName),
            Created = FhirJson.Instant(claim.SettledUtc ?? claim.SubmittedUtc),
            Insurer = CoverageFhirApi.Insurer(),
            Requestor = Adjudication.Facility(c),
            Request = new ResourceReference { Identifier = new Identifier(FhirSystems.InvoiceNumber, c.InvoiceNumber) },
            Outcome = Adjudication.Outcome(c.Status),
            Disposition = c.StatusText,
            Total = Adjudication.Parts(c).Select(p => new ClaimResponse.TotalComponent
            {
                Category = Adjudication.Category(p), Amount = FhirJson.Yuan(p.Amount),
            }).ToList(),
            Payment = c.Payout > 0
                ? new ClaimResponse.PaymentComponent { Type = Adjudication.CompletePayment(), Amount = FhirJson.Yuan(c.Payout) }
                : null,
            ProcessNote = Adjudication.Notes(c).Select((text, i) => new ClaimResponse.NoteComponent { Number = i + 1, Text = text })
                .ToList(),
        };
    }
}
