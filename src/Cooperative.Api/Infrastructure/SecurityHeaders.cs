using Microsoft.AspNetCore.HttpOverrides;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Headers on every answer: no MIME sniffing, no referrer sent elsewhere, never framed by another site (clickjacking),
/// and a content security policy for the pages this API serves (its own scripts and styles only; Scalar's API
/// reference page needs its CDN and inline script, so it gets a looser policy of its own). HSTS outside Development.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferencePolicy =
        "default-src 'self' https://cdn.jsdelivr.net; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; " +
        "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; font-src 'self' data: https://fonts.gstatic.com https://cdn.jsdelivr.net; " +
        "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : PagePolicy;
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>
    /// Forwarded headers (X-Forwarded-For, -Proto) are believed only from the proxies named in
    /// <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR); with none named, they
    /// are ignored and the client address is the connection's own.
    /// </summary>
    public static IServiceCollection AddCooperativeForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in networks)
            {
                var slash = network.IndexOf('/', StringComparison.Ordinal);
                o.KnownNetworks.Add(new Microsoft.AspNetCore.HttpOverrides.IPNetwork(System.Net.IPAddress.Parse(network[..slash]),
                    int.Parse(network[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
            }
            o.ForwardLimit = 1;
        });
        return services;
    }

    public static bool HasTrustedProxies(IConfiguration config) =>
        (config.GetSection("ReverseProxy:KnownProxies").Get<string[]>()?.Length ?? 0) +
        (config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>()?.Length ?? 0) > 0;
}
