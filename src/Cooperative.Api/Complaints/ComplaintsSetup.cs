using System.Threading.RateLimiting;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Complaints;

/// <summary>
/// Complaints and suggestions (投诉、意见建议): filed by anyone on the public page, handled by staff within a
/// promised time limit. The public endpoints are limited per client address (ASP.NET Core's rate limiter,
/// fixed windows) and by body size.
/// </summary>
public static class ComplaintsSetup
{
    public const string FilingLimit = "complaint-filings";
    public const string LookupLimit = "complaint-lookups";

    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ComplaintOptions>(config.GetSection(ComplaintOptions.Section));
        services.AddScoped<ComplaintHandlingApi.Handling>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteTooManyRequestsAsync;
            o.AddPolicy(FilingLimit, http => PerClientAddress(http, c => c.FilingsPerWindow));
            o.AddPolicy(LookupLimit, http => PerClientAddress(http, c => c.LookupsPerWindow));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<ComplaintOptions>>().Value;
        routes.MapPublicComplaints(new BodySizeLimit(options.MaxRequestBytes));
        routes.MapComplaintsApi();
        return routes;
    }

    /// <summary>
    /// One fixed window per client address. Behind a reverse proxy the address is the proxy's unless
    /// forwarded headers are configured for it (<c>UseForwardedHeaders</c> with the proxy as a known one).
    /// </summary>
    private static RateLimitPartition<string> PerClientAddress(HttpContext http, Func<ComplaintOptions, int> permits)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ComplaintOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits(options),
                Window = TimeSpan.FromMinutes(options.RateWindowMinutes),
                QueueLimit = 0,
            });
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, title) = Problems.DefaultFor(StatusCodes.Status429TooManyRequests);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = title,
                Detail = "同一网络地址提交过于频繁，请稍后再试",
                Type = Problems.TypeFor(code),
                Extensions = { [Problems.CodeKey] = code },
            },
        });
    }

    /// <summary>Applied by endpoint routing to the server's request body limit: larger bodies fail with 413.</summary>
    internal sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
