using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fhir;

/// <summary>
/// Patient: read and search by identifier, for those who may check cover. A facility reads by id only the persons it has
/// claimed for (its own patients); searching by ID or card number is its coverage check, masked.
/// </summary>
internal static class PatientFhirApi
{
    public static void MapFhirPatients(this RouteGroupBuilder fhir)
    {
        var group = fhir.MapGroup("/Patient").RequireAuthorization(Policies.CoverageCheckers);
        group.MapGet("/{id}", Read);
        group.MapGet("/", Search);
    }

    private static async Task<IResult> Read(string id, ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct)
    {
        var masked = user.SeesPersonsMasked();
        if (!Guid.TryParse(id, out var personId)
            || (masked && !await db.Claims.AsNoTracking().Visible(user).AnyAsync(c => c.PersonId == personId, ct))
            || await FhirPersons.ByIdAsync(db, personId, ct) is not { } found)
            return FhirOutcomes.Error(StatusCodes.Status404NotFound, "person_not_found", "人员不存在");
        return new FhirResult(PatientMapping.ToFhir(found, masked));
    }

    private static async Task<IResult> Search(string? identifier, HttpRequest request, ClaimsPrincipal user, CooperativeDbContext db,
        CancellationToken ct)
    {
        var (persons, error) = await FhirPersons.FindAsync(db, identifier, ct);
        if (error is not null) return error;
        var masked = user.SeesPersonsMasked();
        return new FhirResult(FhirJson.SearchSet(request, persons!.Select(p => PatientMapping.ToFhir(p, masked)).ToList()));
    }
}
