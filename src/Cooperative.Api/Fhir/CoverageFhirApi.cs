using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fhir;

/// <summary>
/// Coverage: a person's enrolment (参合) in a fund year, searched by identifier (ID number: his enrolments; card number:
/// the household's). The period is the fund year; the plan is that year's scheme; the beneficiary masked for facilities.
/// </summary>
internal static class CoverageFhirApi
{
    public static void MapFhirCoverage(this RouteGroupBuilder fhir) =>
        fhir.MapGet("/Coverage", Search).RequireAuthorization(Policies.CoverageCheckers);

    private static async Task<IResult> Search(string? identifier, HttpRequest request, ClaimsPrincipal user, CooperativeDbContext db,
        CancellationToken ct)
    {
        var (persons, error) = await FhirPersons.FindAsync(db, identifier, ct);
        if (error is not null) return error;
        var masked = user.SeesPersonsMasked();
        var byId = persons!.ToDictionary(p => p.Person.Id);
        var ids = byId.Keys.ToList();
        var enrolments = await (from e in db.Enrollments where ids.Contains(e.PersonId)
                                join h in db.Households on e.HouseholdId equals h.Id
                                orderby e.FundYear descending
                                select new { e.Id, e.PersonId, e.FundYear, h.CardNumber }).AsNoTracking().ToListAsync(ct);
        var coverages = enrolments.Select(e =>
        {
            var person = byId[e.PersonId].Person;
            return (Resource)ToFhir(e.Id, e.FundYear, e.CardNumber,
                PatientMapping.Reference(person.Id, PersonMasking.Name(person.Name, masked)));
        }).ToList();
        return new FhirResult(FhirJson.SearchSet(request, coverages));
    }

    private static Coverage ToFhir(Guid enrolmentId, int fundYear, string cardNumber, ResourceReference beneficiary) => new()
    {
        Id = enrolmentId.ToString(),
        Identifier = [new Identifier(FhirSystems.CardNumber, cardNumber)],
        Status = FinancialResourceStatusCodes.Active,
        SubscriberId = cardNumber,
        Beneficiary = beneficiary,
        Period = new Period(new FhirDateTime(fundYear, 1, 1), new FhirDateTime(fundYear, 12, 31)),
        Payor = [Insurer()],
        Class =
        [
            new Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "plan"),
                Value = fundYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = $"{fundYear}年度新型农村合作医疗",
            },
        ],
    };

    /// <summary>The scheme's fund, by name: there is no Organization resource to point at.</summary>
    public static ResourceReference Insurer() => new() { Display = FhirSystems.InsurerName };

    /// <summary>A claim's cover: the card it was made on and the fund year, as a logical reference.</summary>
    public static ResourceReference CoverageOf(string? cardNumber, int fundYear) => new()
    {
        Identifier = cardNumber is null ? null : new Identifier(FhirSystems.CardNumber, cardNumber),
        Display = $"{fundYear}年度新型农村合作医疗",
    };
}
