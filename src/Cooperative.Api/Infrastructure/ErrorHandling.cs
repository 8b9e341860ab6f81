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
            if (status == StatusCodes.Status401Unauthorized && ctx.HttpContext.Items.TryGetValue(Auth.LiveTokenCheck.RefusedKey, out var why))
            {
                problem.Extensions[Problems.CodeKey] = "token_no_longer_valid";
                problem.Title = "令牌已失效，请重新登录";
                problem.Type = Problems.TypeFor("token_no_longer_valid");
                problem.Detail = $"The token is no longer accepted: {why}.";
            }
            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ConcurrencyExceptionHandler>();
        services.AddExceptionHandler<UnavailableHandler>();
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
                ProblemDetails = WithJsonError(new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = code == "malformed_request" ? "请求格式错误，无法解析" : "请求内容过大",
                    Type = Problems.TypeFor(code),
                    Extensions = { [Problems.CodeKey] = code },
                }, bad.InnerException as System.Text.Json.JsonException),
                Exception = exception,
            });
        }
    }

    /// <summary>
    /// Where the body is JSON the serializer could not read, says where and why: a value outside an enumeration
    /// names the codes it takes (<see cref="VocabularyJsonConverterFactory"/>).
    /// </summary>
    private static ProblemDetails WithJsonError(ProblemDetails problem, System.Text.Json.JsonException? json)
    {
        if (json is null) return problem;
        var field = json.Path?.TrimStart('$').TrimStart('.') is { Length: > 0 } path ? path : "body";
        problem.Detail = $"{field}: {json.Message}";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [json.Message] };
        return problem;
    }

    /// <summary>
    /// Someone else changed the same row between this request's read and its write (a concurrency token
    /// differed): nothing was saved, and the caller may read again and retry. 409.
    /// </summary>
    private sealed class ConcurrencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public const string Code = "concurrent_update";

        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) return false;
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "数据已被他人同时修改，请刷新后重试",
                    Type = Problems.TypeFor(Code),
                    Extensions = { [Problems.CodeKey] = Code },
                },
                Exception = exception,
            });
        }
    }

    /// <summary>
    /// Something this request needs is not answering, through no fault of the caller: the database (or a deadlock that
    /// outlasted the endpoint's own retries: nothing saved, try again), or the external OpenID Connect authority whose
    /// keys check the token. 503 with <c>Retry-After</c>; nothing was committed, and recovery needs no restart: the next
    /// request opens a new connection, or asks the authority again.
    /// </summary>
    private sealed class UnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (code, title, detail, retryAfter) = exception switch
            {
                Auth.AuthorityUnavailableException => ("authority_unavailable", "身份认证服务暂时无法访问，请稍后重试",
                    "The OpenID Connect authority that issues this API's tokens is not answering, so the token could not be checked. Retry after the given seconds.", 5),
                _ when DatabaseErrors.IsDeadlock(exception) => ("database_busy", "系统繁忙，请稍后重试",
                    "Concurrent requests kept colliding in the database; nothing was saved by this request. Retry.", 1),
                _ when DatabaseErrors.IsUnavailable(exception) => ("database_unavailable", "数据库暂时无法访问，请稍后重试",
                    "The database is not answering. Retry after the given seconds with the same Idempotency-Key: had the connection been lost " +
                    "while the write was committing, it may be stored, and the same key then answers with what was stored.", 5),
                _ => default((string?, string, string, int)),
            };
            if (code is null) return false;
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = title,
                    Detail = detail,
                    Type = Problems.TypeFor(code),
                    Extensions = { [Problems.CodeKey] = code },
                },
                Exception = exception,
            });
        }
    }
}
