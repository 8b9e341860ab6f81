using System.Security.Claims;
using System.Text.Json;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

/// <summary>
/// The token endpoint (<c>/connect/token</c>): OpenIddict has already validated the protocol; this decides
/// who the caller is. Password grant for staff (scripts), client credentials for facility systems, authorization codes
/// (the console's sign-in page, <see cref="AuthorizationEndpoint"/>) and refresh tokens.
/// Error descriptions are English: OAuth 2.0 allows only ASCII in <c>error_description</c>.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Exchange(HttpContext http, CooperativeDbContext db,
        IPasswordHasher<StaffUser> hasher, IOpenIddictApplicationManager applications, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var now = clock.GetUtcNow().UtcDateTime;

        if (request.IsPasswordGrantType())
        {
            // SignInGuard in front has refused a locked account and holds its lock while this checks the password.
            var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == request.Username);
            if (user is null || !user.IsActive) return Reject("The user name or password is wrong.");
            if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password ?? "") == PasswordVerificationResult.Failed)
            {
                http.Items[SignInGuard.WrongCredentialKey] = true;
                return Reject("The user name or password is wrong.");
            }
            RecordSignIn(db, http, "StaffUser", user.UserName, user.Role, now);
            await db.SaveChangesAsync();
            return SignIn(StaffIdentity(user), request.GetScopes());
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client was validated by OpenIddict but cannot be found.");
            var properties = await applications.GetPropertiesAsync(application);
            if (!properties.TryGetValue(CooperativeClaims.FacilityCode, out var code) || code.ValueKind != JsonValueKind.String)
                return Reject("This client is not bound to a designated facility.");
            var status = await db.Facilities.AsNoTracking().Where(f => f.Code == code.GetString())
                .Select(f => (FacilityStatus?)f.Status).FirstOrDefaultAsync();
            if (status?.IsInService() != true)
                return Reject("The facility does not hold its designation (suspended or revoked); no token is issued.");
            var identity = NewIdentity();
            identity.SetClaim(OpenIddictConstants.Claims.Subject, request.ClientId)
                .SetClaim(OpenIddictConstants.Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId)
                .SetClaim(OpenIddictConstants.Claims.Role, Roles.Facility)
                .SetClaim(CooperativeClaims.FacilityCode, code.GetString());
            RecordSignIn(db, http, "FacilityClient", request.ClientId!, Roles.Facility, now);
            await db.SaveChangesAsync();
            return SignIn(identity, request.GetScopes());
        }

        // The code (from the sign-in page) and the refresh token carry who signed in; the account is read as it is now.
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(OpenIddictConstants.Claims.Subject);
            var user = subject is null ? null : await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == subject);
            var locked = user is not null && await db.AccountLocks.AnyAsync(l => l.Account == AccountLock.Staff(user.UserName) && l.LockedUntilUtc > now);
            if (user is null || !user.IsActive || locked) return Reject("The session is no longer valid; sign in again.");
            return SignIn(StaffIdentity(user), result.Principal!.GetScopes());
        }

        return Results.Forbid(ErrorProperties(Errors.UnsupportedGrantType, "This grant type is not supported."),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    internal static ClaimsIdentity StaffIdentity(StaffUser user)
    {
        var identity = NewIdentity();
        identity.SetClaim(OpenIddictConstants.Claims.Subject, user.UserName)
            .SetClaim(OpenIddictConstants.Claims.Name, user.DisplayName)
            .SetClaim(OpenIddictConstants.Claims.Role, user.Role);
        return identity;
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);

    /// <summary>Claims go to the access token; name and role to the identity token too (for <c>openid</c>).</summary>
    internal static IResult SignIn(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(CooperativeClaims.Audience);
        identity.SetDestinations(claim =>
            claim.Type is OpenIddictConstants.Claims.Name or OpenIddictConstants.Claims.Role
                ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static void RecordSignIn(CooperativeDbContext db, HttpContext http, string type, string id, string role,
        DateTime now) =>
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = now, Actor = id, ActorRole = role, EntityType = type, EntityId = id,
            Action = "signed-in", CorrelationId = Infrastructure.CorrelationId.Of(http),
        });

    private static IResult Reject(string description) =>
        Results.Forbid(ErrorProperties(Errors.InvalidGrant, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    internal static AuthenticationProperties ErrorProperties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
