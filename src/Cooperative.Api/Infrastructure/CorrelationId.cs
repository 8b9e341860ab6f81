namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Every request carries a correlation id (the caller's <c>X-Correlation-Id</c> or a new one), echoed on the
/// response, put in the logging scope and written into audit records.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static string Of(HttpContext http) =>
        http.Items.TryGetValue(Header, out var id) && id is string s ? s : http.TraceIdentifier;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var incoming = http.Request.Headers[Header].ToString();
        var id = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? incoming
            : http.TraceIdentifier;
        http.Items[Header] = id;
        http.Response.Headers[Header] = id;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Cooperative.Request");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(http);
        }
    });
}
