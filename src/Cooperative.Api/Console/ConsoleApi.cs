using Cooperative.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.StaffConsole;

/// <summary>How the console signs in: the authority (null: this server), its client id, its scopes.</summary>
public sealed record ConsoleSettingsResponse(string? Authority, string ClientId, string Scope);

public static class ConsoleApi
{
    /// <summary>What the console's script reads before it signs in: one build serves every installation.</summary>
    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/console/settings", Settings)
            .WithTags("Console")
            .AllowAnonymous()
            .WithName("GetConsoleSettings")
            .WithSummary("Read how the staff console signs in")
            .WithDescription("""
                The OpenID Connect settings of the staff console (工作人员控制台, `/console/`): `authority` is null
                with the embedded token server (the console then signs in at its own origin, `/connect/authorize`,
                authorization code with PKCE S256) and otherwise the external authority's issuer URL
                (`Authentication:Authority`); `clientId` is the console's public client (`Console:ClientId`); `scope`
                is what it asks for (`Console:Scope`). Anonymous: the console reads it before anyone has signed in.
                """);
        return routes;
    }

    private static Ok<ConsoleSettingsResponse> Settings(IOptions<ConsoleOptions> console,
        IOptions<SignInOptions> signIn)
    {
        var authority = signIn.Value.IsExternal ? signIn.Value.Authority : null;
        return TypedResults.Ok(new ConsoleSettingsResponse(authority, console.Value.ClientId, console.Value.Scope));
    }
}
