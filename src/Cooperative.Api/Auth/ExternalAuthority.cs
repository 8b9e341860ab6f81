using System.Net;
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
        });
    }

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
