using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Cooperative.Api.Auth;

/// <summary>
/// What an account is now, as far as its live tokens are concerned, cached per instance for
/// <see cref="SignInOptions.AccountStateSeconds"/>: a member of staff is active, not locked and has the token's
/// role; a facility's client still exists and its facility holds its designation. Changes made on this instance
/// forget the cached state at once; another instance sees them when its copy expires.
/// </summary>
public sealed class AccountStates(IOptions<SignInOptions> options)
{
    private sealed record State(bool Exists, bool Active, string? Role, DateTime? LockedUntilUtc);

    private readonly TimedCache<string, State> _cache = new(TimeSpan.FromSeconds(options.Value.AccountStateSeconds));

    public void Forget(string account) => _cache.Remove(account);

    /// <summary>Null when the token's account may still act; otherwise why not (English, for the log and the 401's detail).</summary>
    /// <remarks>
    /// With an external authority its accounts are not ours: a member of staff (an external <c>sub</c>) is left to the
    /// authority, and a facility is checked by what this database knows, its designation by <c>facility_code</c>.
    /// </remarks>
    public async Task<string?> RefusalAsync(ClaimsPrincipal user, CooperativeDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var subject = user.FindFirstValue(OpenIddictConstants.Claims.Subject);
        var role = user.RoleOf();
        var code = user.FindFirstValue(CooperativeClaims.FacilityCode);
        if (options.Value.IsExternal)
        {
            if (!user.IsInRole(Roles.Facility)) return null;
            var facility = $"facility:{code}";
            if (!_cache.TryGet(facility, out var designation))
                designation = _cache.Set(facility, new State(true, await InServiceAsync(db, code, ct), Roles.Facility, null));
            return designation.Active ? null : "the facility is unknown or no longer holds its designation";
        }
        if (string.IsNullOrEmpty(subject)) return null;
        if (role == Roles.Facility)
        {
            var account = AccountLock.Client(subject);
            if (!_cache.TryGet(account, out var state))
            {
                var exists = await db.Set<OpenIddictEntityFrameworkCoreApplication<Guid>>().AnyAsync(a => a.ClientId == subject, ct);
                state = _cache.Set(account, new State(exists, await InServiceAsync(db, code, ct), Roles.Facility, null));
            }
            if (!state.Exists) return "the facility's client was disabled";
            return state.Active ? null : "the facility no longer holds its designation";
        }
        else
        {
            var account = AccountLock.Staff(subject);
            if (!_cache.TryGet(account, out var state))
            {
                var staff = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == subject)
                    .Select(u => new { u.IsActive, u.Role }).FirstOrDefaultAsync(ct);
                var lockedUntil = await db.AccountLocks.AsNoTracking().Where(l => l.Account == account)
                    .Select(l => l.LockedUntilUtc).FirstOrDefaultAsync(ct);
                state = _cache.Set(account, new State(staff is not null, staff?.IsActive == true, staff?.Role, lockedUntil));
            }
            if (!state.Exists || !state.Active) return "the account was deactivated";
            if (state.LockedUntilUtc is { } until && until > nowUtc) return "the account is locked";
            return string.Equals(state.Role, role, StringComparison.Ordinal) ? null : "the account's role changed";
        }
    }

    private static async Task<bool> InServiceAsync(CooperativeDbContext db, string? code, CancellationToken ct)
    {
        if (code is null) return false;
        var status = await db.Facilities.Where(f => f.Code == code).Select(f => (FacilityStatus?)f.Status).FirstOrDefaultAsync(ct);
        return status?.IsInService() == true;
    }
}

/// <summary>
/// After authentication, on every request with a token: the token's times (<c>nbf</c>, <c>iat</c>, <c>exp</c>) against
/// this server's clock within <see cref="SignInOptions.ClockSkewSeconds"/>, and the account's current state. A token
/// that fails either is treated as no token: protected endpoints answer 401 (<c>token_no_longer_valid</c>). A token that
/// could not be checked because the external authority is unreachable gets 503 (<c>authority_unavailable</c>).
/// </summary>
public sealed partial class LiveTokenCheck(RequestDelegate next)
{
    public const string RefusedKey = "coop.token.refused";

    public async Task InvokeAsync(HttpContext http, AccountStates states, CooperativeDbContext db, IOptions<SignInOptions> options,
        IOptionsMonitor<OpenIddictValidationOptions> validation, IProblemDetailsService problems, ILogger<LiveTokenCheck> log)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var now = (validation.CurrentValue.TimeProvider ?? TimeProvider.System).GetUtcNow();
            var refusal = TimesRefusal(http, now, TimeSpan.FromSeconds(options.Value.ClockSkewSeconds))
                          ?? await states.RefusalAsync(http.User, db, now.UtcDateTime, http.RequestAborted);
            if (refusal is not null)
            {
                var subject = http.User.FindFirstValue(OpenIddictConstants.Claims.Subject);
                LogRefused(log, subject, refusal);
                http.Items[RefusedKey] = refusal;
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (http.Features.Get<IAuthenticateResultFeature>() is { } result) result.AuthenticateResult = AuthenticateResult.Fail(refusal);
                if (IsProtected(http))
                {
                    // A protected endpoint: 401 at once (authorization would see an authenticated result and answer 403).
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token is no longer accepted.\"";
                    await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http });
                    return;
                }
            }
        }
        else if (options.Value.IsExternal && http.Request.Headers.Authorization.Count > 0 && IsProtected(http)
                 && (await http.AuthenticateAsync()).Properties is { } failure
                 && failure.GetString(OpenIddictValidationAspNetCoreConstants.Properties.Error) == OpenIddictConstants.Errors.ServerError)
        {
            // OpenIddict could not read the external authority's discovery document or keys: 503, not its bare 500.
            throw new AuthorityUnavailableException(failure.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription));
        }
        await next(http);
    }

    private static bool IsProtected(HttpContext http) =>
        http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                                         && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>The bearer token's own times, read from its payload (its signature was checked by validation).</summary>
    private static string? TimesRefusal(HttpContext http, DateTimeOffset now, TimeSpan skew)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = header[7..].Trim().Split('.');
        if (parts.Length != 3) return null;
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            DateTimeOffset? At(string name) => payload.RootElement.TryGetProperty(name, out var v) && v.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800L, 253402300799L)) : null;
            if (At("nbf") is { } nbf && nbf > now + skew) return "the token is not valid yet (nbf)";
            if (At("iat") is { } iat && iat > now + skew) return "the token was issued in the future (iat)";
            if (At("exp") is { } exp && exp < now - skew) return "the token has expired (exp)";
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return "the token's payload cannot be read";
        }
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token of {Subject} refused: {Reason}")]
    private static partial void LogRefused(ILogger log, string? subject, string reason);
}
