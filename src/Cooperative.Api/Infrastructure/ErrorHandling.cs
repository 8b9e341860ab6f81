using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cooperative.Api.Infrastructure;

public static class ErrorHandling
{
    /// <summary>Every error leaves as RFC 9457 problem details carrying a stable <c>code</c>.</summary>
    public static IServiceCollection AddCooperativeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey(Problems.CodeKey))
            {
                var (code, title) = Problems.DefaultFor(status);
                problem.Extensions[Problems.CodeKey] = code;
                problem.Title = title;
                problem.Type = Problems.TypeFor(code);
            }
            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>A body that is not valid JSON, or a parameter that does not bind, is the caller's fault: 400.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad) return false;
            http.Response.StatusCode = bad.StatusCode;
            var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "payload_too_large" : "malformed_request";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = code == "malformed_request" ? "请求格式错误，无法解析" : "请求内容过大",
                    Type = Problems.TypeFor(code),
                    Extensions = { [Problems.CodeKey] = code },
                },
                Exception = exception,
            });
        }
    }
}
