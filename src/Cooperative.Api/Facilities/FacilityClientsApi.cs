using System.Buffers.Text;
using System.Security.Cryptography;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Cooperative.Api.Facilities;

/// <summary>The client credentials of a facility's system; the secret is shown this once and stored only hashed.</summary>
public sealed record FacilityClientResponse(string ClientId, string ClientSecret, string FacilityCode, bool Rotated);

/// <summary>
/// Each designated facility's own OAuth client (client credentials), issued or rotated by an administrator.
/// Suspension or revocation does not delete it: the eligibility check refuses the facility's claims instead,
/// and the facility can still read its own record.
/// </summary>
internal static class FacilityClientsApi
{
    public static void MapFacilityClients(this RouteGroupBuilder group) =>
        group.MapPost("/{code}/client", Issue).RequireAuthorization(Policies.Admin);

    public static string ClientIdOf(string facilityCode) => $"facility-{facilityCode}";

    private static async Task<Results<Created<FacilityClientResponse>, Ok<FacilityClientResponse>, ProblemHttpResult>> Issue(string code,
        CooperativeDbContext db, IOpenIddictApplicationManager applications, ICurrentActor actor, TimeProvider clock,
        CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (!facility.Status.HoldsDesignation()) return FacilityAccess.NotDesignated(facility);

        var clientId = ClientIdOf(code);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var existing = await applications.FindByClientIdAsync(clientId, ct);
        var who = actor.Current;
        // Saved with the client by OpenIddict's own SaveChanges (its rows are not audited automatically).
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, EntityType = "FacilityClient",
            EntityId = clientId, Action = existing is null ? "issued" : "rotated", CorrelationId = who.CorrelationId,
        });
        if (existing is null)
            await applications.CreateAsync(DemoAccounts.FacilityClientDescriptor(clientId, secret, code, facility.Name), ct);
        else
            await applications.UpdateAsync(existing, secret, ct);
        await db.SaveChangesAsync(ct);
        var response = new FacilityClientResponse(clientId, secret, code, existing is not null);
        return existing is null ? TypedResults.Created($"/api/facilities/{code}", response) : TypedResults.Ok(response);
    }
}
