using System.Net;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Polly;
using Polly.Retry;

namespace Cooperative.Api.Auth;

/// <summary>
/// Validation of the access tokens of an external OpenID Connect authority (<c>Authentication:Authority</c>): its
/// discovery document and signing keys are read over HTTP when the first token arrives (and refreshed by OpenIddict),
/// the token's <c>iss</c> must be the authority and its <c>aud</c> the API's audience. The API starts without the
/// authority; while the authority cannot be reached and its keys were never read, requests with a token to a protected
/// endpoint answer 503 after one retry (<see cref="LiveTokenCheck"/>), and those without one are unaffected.
/// </summary>
internal static class ExternalAuthority
{
    public static void AddValidation(OpenIddictBuilder openIddict, IConfiguration config, bool allowHttp)
    {
        var authority = Issuer(config, allowHttp);
        openIddict.AddValidation(o =>
        {
            o.SetIssuer(authority);
            o.AddAudiences(config[$"{SignInOptions.Section}:Audience"] ?? CooperativeClaims.Audience);
            // OpenIddict's default retries four times over 30 s: a caller would wait that long for a 503.
            o.UseSystemNetHttp().SetHttpResiliencePipeline(pipeline => pipeline
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = 1,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>()
                        .HandleResult(r => r.StatusCode >= HttpStatusCode.InternalServerError || r.StatusCode == HttpStatusCode.RequestTimeout),
                })
                .AddTimeout(TimeSpan.FromSeconds(10)));
            o.UseAspNetCore().DisableAccessTokenExtractionFromBodyForm(); // tokens come in the Authorization header only
            AcceptGenericJwtTyp(o);
        });
    }

    /// <summary>
    /// Keycloak signs access tokens with the header <c>typ: JWT</c> (its payload says <c>typ: Bearer</c>), where OpenIddict
    /// accepts only RFC 9068's <c>at+jwt</c>: such a token is read as an access token too, unless its payload says it is
    /// an ID or refresh token. Issuer, signature, lifetime and audience are checked as for any other.
    /// </summary>
    private static void AcceptGenericJwtTyp(OpenIddictValidationBuilder o)
    {
        o.AddEventHandler<OpenIddictValidationEvents.ValidateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.ValidTokenTypes.Contains(TokenTypeIdentifiers.AccessToken) && context.TokenValidationParameters.ValidTypes is { } types)
                    context.TokenValidationParameters.ValidTypes = [.. types, GenericJwt];
                return ValueTask.CompletedTask;
            })
            .SetOrder(OpenIddictValidationHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 500));
        o.AddEventHandler<OpenIddictValidationEvents.ValidateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.Principal?.GetTokenType() != GenericJwt) return ValueTask.CompletedTask;
                if (context.Principal.GetClaim("typ") is "ID" or "Refresh")
                    context.Reject(Errors.InvalidToken, "The specified token is not an access token.");
                else
                    context.Principal.SetTokenType(TokenTypeIdentifiers.AccessToken);
                return ValueTask.CompletedTask;
            })
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 500));
    }

    private const string GenericJwt = "JWT";

    /// <summary>The authority's issuer URL: absolute, and HTTPS outside Development and the tests.</summary>
    private static Uri Issuer(IConfiguration config, bool allowHttp)
    {
        var text = config[$"{SignInOptions.Section}:Authority"]!.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"Authentication:Authority must be the absolute URL of an OpenID Connect issuer (got '{text}').");
        if (authority.Scheme != Uri.UriSchemeHttps && !allowHttp)
            throw new InvalidOperationException($"Authentication:Authority must use HTTPS outside Development and the tests (got '{text}').");
        return authority;
    }
}

/// <summary>
/// The external authority's discovery document or keys could not be read to check a token (OpenIddict failed the
/// authentication with <c>server_error</c>, which it would answer with a bare 500): the API answers 503.
/// </summary>
public sealed class AuthorityUnavailableException(string? reason)
    : Exception($"The OpenID Connect authority could not be asked about the token: {reason}");
