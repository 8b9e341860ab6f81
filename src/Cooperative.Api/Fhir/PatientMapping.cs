using Cooperative.Api.Enrollment;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Hl7.Fhir.Model;

namespace Cooperative.Api.Fhir;

/// <summary>
/// A person (参合人员) as a FHIR Patient. A facility sees what the coverage check shows it: the masked name and ID
/// number and the card number, labelled MASKED; staff see the person in full.
/// </summary>
internal static class PatientMapping
{
    private const string MaskedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    public static Patient ToFhir(FhirPersons.Found found, bool masked)
    {
        var p = found.Person;
        var patient = new Patient
        {
            Id = p.Id.ToString(),
            Identifier = [new Identifier(FhirSystems.ResidentId, PersonMasking.IdNumber(p.IdNumber, masked))],
            Name = [new HumanName { Text = PersonMasking.Name(p.Name, masked) }],
        };
        if (found.CardNumber is not null) patient.Identifier.Add(new Identifier(FhirSystems.CardNumber, found.CardNumber));
        if (masked)
        {
            patient.Meta = new Meta { Security = [new Coding(MaskedSystem, "MASKED", "masked")] };
            return patient;
        }
        patient.Active = p.IsActive;
        patient.Gender = p.Gender switch
        {
            Gender.Male => AdministrativeGender.Male,
            Gender.Female => AdministrativeGender.Female,
        };
        patient.BirthDate = FhirJson.Date(p.BirthDate);
        if (p is { Status: PersonStatus.Deceased, StatusSince: { } died }) patient.Deceased = new FhirDateTime(FhirJson.Date(died));
        return patient;
    }

    public static ResourceReference Reference(Guid personId, string shownName) => new($"Patient/{personId}", shownName);
}
