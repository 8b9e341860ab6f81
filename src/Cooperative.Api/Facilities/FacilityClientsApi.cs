using System.Buffers.Text;
using System.Security.Cryptography;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Cooperative.Api.Facilities;

/// <summary>The client credentials of a facility's system; the secret is shown this once and stored only hashed.</summary>
public sealed record FacilityClientResponse(string ClientId, string ClientSecret, string FacilityCode, bool Rotated);

/// <summary>
/// Each designated facility's own OAuth client (client credentials), issued or rotated by an administrator, disabled
/// (deleted: a new one is issued to enable it again) or unlocked after repeated wrong secrets. A suspended or revoked
/// facility keeps its client, but gets no token and its live tokens stop within seconds (<see cref="AccountStates"/>).
/// </summary>
internal static class FacilityClientsApi
{
    public static void MapFacilityClients(this RouteGroupBuilder group)
    {
        group.MapPost("/{code}/client", Issue).RequireAuthorization(Policies.Admin)
            .WithSummary("Issue or rotate a facility's client (接口账号)")
            .WithDescription("Issues the OAuth client (client credentials) of a designated facility's system, or "
                + "rotates its secret: the secret is in this answer only and stored hashed; tokens of "
                + "the old secret keep working until they expire. Refused for a facility that holds no "
                + "designation.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "facility_not_designated")
            .WithName("IssueFacilityClient");
        group.MapPost("/{code}/client/disable", Disable).RequireAuthorization(Policies.Admin)
            .WithSummary("Disable a facility's client")
            .WithDescription("Deletes the facility's client: it gets no more tokens and its live tokens stop within"
                + " seconds. Issuing a new client enables it again.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "facility_client_not_found")
            .WithName("DisableFacilityClient");
        group.MapPost("/{code}/client/unlock", Unlock).RequireAuthorization(Policies.Admin)
            .WithSummary("Unlock a facility's client")
            .WithDescription("Clears the lock after repeated wrong secrets.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found", "facility_client_not_found")
            .WithName("UnlockFacilityClient");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(string code, CooperativeDbContext db,
        IOpenIddictApplicationManager applications, AccountStates states, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var clientId = ClientIdOf(code);
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return Problems.NotFound("facility_client_not_found", "该机构没有接口账号（或已停用）");
        var who = actor.Current;
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, EntityType = "FacilityClient",
            EntityId = clientId, Action = "disabled", CorrelationId = who.CorrelationId,
        });
        await applications.DeleteAsync(application, ct);
        await db.SaveChangesAsync(ct);
        states.Forget(AccountLock.Client(clientId));
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlock(string code, CooperativeDbContext db,
        IOpenIddictApplicationManager applications, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var clientId = ClientIdOf(code);
        if (await applications.FindByClientIdAsync(clientId, ct) is null)
            return Problems.NotFound("facility_client_not_found", "该机构没有接口账号（或已停用）");
        await AccountUnlock.UnlockAsync(db, AccountLock.Client(clientId), actor, clock, ct);
        return TypedResults.NoContent();
    }

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
