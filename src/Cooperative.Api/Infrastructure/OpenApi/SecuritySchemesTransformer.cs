using Microsoft.AspNetCore.OpenApi;
using Cooperative.Api.Auth;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// The two ways to present a token: OAuth 2.0 (password for staff's scripts, client credentials for facilities'
/// systems, authorization code with PKCE for the staff console) and a bearer JWT obtained elsewhere. With an external
/// authority there is no token server here: the scheme then points at the authority's discovery document.
/// </summary>
internal sealed class SecuritySchemesTransformer(IHttpContextAccessor http, IOptions<SignInOptions> signIn)
    : IOpenApiDocumentTransformer
{
    internal const string OAuth2 = "oauth2";
    internal const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var server = DocumentInfoTransformer.ServerUrl(http.HttpContext?.Request).TrimEnd('/');
        var token = new Uri($"{server}/connect/token", UriKind.RelativeOrAbsolute);
        var scopes = new Dictionary<string, string>
        {
            ["api"] = "The API itself",
            ["roles"] = "The caller's role in the token",
            ["offline_access"] = "A refresh token (staff; refused once the account is deactivated or locked)",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[OAuth2] = signIn.Value.IsExternal ? new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            OpenIdConnectUrl = new Uri($"{signIn.Value.Authority!.TrimEnd('/')}/.well-known/openid-configuration"),
            Description = "The external OpenID Connect authority that issues the tokens (`Authentication:Authority`).",
        } : new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "The embedded token server. Staff's scripts: password grant; facilities' systems: client "
                + "credentials (one client per facility, its code in the `facility_code` claim); the staff console (a "
                + "public client, `Console:ClientId`, `cooperative-console` by default): authorization code with PKCE, "
                + "`code_challenge_method=S256` only, on the Chinese sign-in page. Roles travel in the token.",
            Flows = new OpenApiOAuthFlows
            {
                Password = new OpenApiOAuthFlow { TokenUrl = token, Scopes = scopes },
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = token, Scopes = scopes },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri($"{server}/connect/authorize", UriKind.RelativeOrAbsolute),
                    TokenUrl = token, RefreshUrl = token,
                    Scopes = new Dictionary<string, string>(scopes) { ["openid"] = "An identity token (OpenID)" },
                },
            },
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A signed JWT access token for audience `cooperative-api` (one hour), from this server or the "
                + "configured external authority.",
        };
        return Task.CompletedTask;
    }
}
