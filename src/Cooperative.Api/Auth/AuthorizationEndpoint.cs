using Cooperative.Api.Data;
using Cooperative.Api.StaffConsole;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

/// <summary>
/// The authorization endpoint (<c>/connect/authorize</c>) for the staff console, authorization code with PKCE:
/// OpenIddict has validated the request (client, redirect URI, PKCE S256, scopes) before it gets here. A GET shows
/// the sign-in page; its form posts the same parameters back with the user name and password, which
/// <see cref="SignInGuard"/> gates like a password grant (rate limits, the account's lock) before this checks the
/// password. A right one makes OpenIddict redirect to the console with the code.
/// </summary>
/// <remarks>
/// There is no session cookie: every authorization request shows the form, and nothing here remembers a signed-in
/// browser. That keeps the server stateless and sign-out simple (the console forgets its tokens and revokes its
/// refresh token); <c>prompt=none</c> is therefore always <c>login_required</c>. A forged sign-in (login CSRF) ends at
/// the console with a code for a state and PKCE verifier it never made, which it refuses.
/// </remarks>
public static class AuthorizationEndpoint
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext http, CooperativeDbContext db,
        IPasswordHasher<StaffUser> hasher, IOptions<ConsoleOptions> options, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.HasPromptValue(PromptValues.None))
        {
            var noSession = TokenEndpoint.ErrorProperties(Errors.LoginRequired, "Staff sign in on the page each time.");
            return Results.Forbid(noSession, [Scheme]);
        }
        IResult Page(string? error) => new PageResult(request, request.Username ?? request.LoginHint, error,
            FormAction(http.Request, request.RedirectUri, options.Value));
        if (!HttpMethods.IsPost(http.Request.Method) || request.Username is null) return Page(null);

        // SignInGuard in front has refused a locked account and holds its lock while this checks the password.
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == request.Username, http.RequestAborted);
        if (user is null || !user.IsActive) return Page(SignInPage.WrongCredentials);
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            http.Items[SignInGuard.WrongCredentialKey] = true;
            return Page(SignInPage.WrongCredentials);
        }
        TokenEndpoint.RecordSignIn(db, http, "StaffUser", user.UserName, user.Role, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(http.RequestAborted);
        return TokenEndpoint.SignIn(TokenEndpoint.StaffIdentity(user), request.GetScopes());
    }

    /// <summary>
    /// Nothing to end here (no session): OpenIddict has validated the post-logout redirect URI and redirects to it;
    /// without one, back to the console at this address.
    /// </summary>
    private static IResult EndSession(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        return string.IsNullOrEmpty(request.PostLogoutRedirectUri)
            ? Results.Redirect(ConsoleClient.OwnRedirectUri(http.Request))
            : Results.SignOut(authenticationSchemes: [Scheme]);
    }

    /// <summary>The origin of an allowed redirect URI (a configured console's too), for the page's CSP.</summary>
    internal static string? FormAction(HttpRequest http, string? redirectUri, ConsoleOptions options) =>
        ConsoleClient.IsAllowedRedirect(http, redirectUri, options)
        && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>The page for a validated request, carrying its parameters.</summary>
    private sealed class PageResult(OpenIddictRequest request, string? userName, string? error, string? formAction)
        : IResult
    {
        public Task ExecuteAsync(HttpContext http) => SignInPage.WriteAsync(http,
            request.GetParameters().SelectMany(p => ((StringValues)p.Value).Select(v => KeyValuePair.Create(p.Key, v))),
            userName, error, formAction: formAction);
    }
}
