using Cooperative.Api.StaffConsole;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

/// <summary>
/// The staff console's public client at the embedded token server: authorization code with PKCE, refresh tokens,
/// end session and revocation. It has no registered redirect URIs: the console is served by this API at
/// <c>/console/</c>, and this API's public address differs between machines (a test's random port, a developer's
/// localhost, a proxy's name in production), so <see cref="IsAllowedRedirect"/> decides per request
/// (see <see cref="ConsoleRedirectUriCheck"/>).
/// </summary>
public static class ConsoleClient
{
    /// <summary>The console at the address the request reached: the same origin as the token server itself.</summary>
    public static string OwnRedirectUri(HttpRequest request) =>
        $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/console/";

    /// <summary>A (post-logout) redirect URI the console may use: its own exactly, or a configured one.</summary>
    public static bool IsAllowedRedirect(HttpRequest request, string? uri, ConsoleOptions options) =>
        !string.IsNullOrEmpty(uri)
        && (string.Equals(uri, OwnRedirectUri(request), StringComparison.Ordinal)
            || options.RedirectUris.Contains(uri, StringComparer.Ordinal));

    public static OpenIddictApplicationDescriptor Descriptor(string clientId) => new()
    {
        ClientId = clientId,
        ClientType = ClientTypes.Public,
        ApplicationType = ApplicationTypes.Web,
        ConsentType = ConsentTypes.Implicit, // the county's own console: staff are never asked to consent
        DisplayName = "工作人员控制台",
        Permissions =
        {
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Revocation, Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + "api",
            Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            Permissions.Prefixes.Scope + Scopes.OpenId,
        },
        Requirements = { Requirements.Features.ProofKeyForCodeExchange },
    };

    /// <summary>
    /// Creates the client when it is missing and brings its permissions up to this version's when they differ
    /// (idempotent: a start with nothing to change writes nothing).
    /// </summary>
    public static async Task RegisterAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var wanted = Descriptor(options.ClientId);
        if (await applications.FindByClientIdAsync(options.ClientId, ct) is not { } existing)
        {
            await applications.CreateAsync(wanted, ct);
            return;
        }
        // Never turn another client (a facility's, with its secret) into the console's.
        if (!await applications.HasClientTypeAsync(existing, ClientTypes.Public, ct))
            throw new InvalidOperationException(
                $"Console:ClientId '{options.ClientId}' names a confidential client; give the console its own id.");
        var permissions = (await applications.GetPermissionsAsync(existing, ct)).ToHashSet();
        var requirements = (await applications.GetRequirementsAsync(existing, ct)).ToHashSet();
        if (permissions.SetEquals(wanted.Permissions) && requirements.SetEquals(wanted.Requirements)) return;
        await applications.UpdateAsync(existing, wanted, ct);
    }
}
