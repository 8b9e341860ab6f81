using Cooperative.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// RFC 9457 problem details with a stable machine-readable <c>code</c> extension. Titles are Chinese: the
/// county's staff read them.
/// </summary>
public static class Problems
{
    public const string CodeKey = "code";

    public static string TypeFor(string code) => $"urn:cooperative:problem:{code}";

    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null,
        IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { [CodeKey] = code };
        return TypedResults.Problem(detail, statusCode: status, title: title, type: TypeFor(code), extensions: ext);
    }

    /// <summary>A service's refusal as the problem answer of its kind (400, 404, 409 or 422).</summary>
    public static ProblemHttpResult From(Refusal refusal) => Of(refusal.Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
    }, refusal.Code, refusal.Title, refusal.Detail, refusal.Details?.ToDictionary(d => d.Key, d => d.Value));

    public static ProblemHttpResult NotFound(string code, string title) => Of(StatusCodes.Status404NotFound, code, title);

    public static ProblemHttpResult Conflict(string code, string title, string? detail = null) =>
        Of(StatusCodes.Status409Conflict, code, title, detail);

    public static ProblemHttpResult Unprocessable(string code, string title, string? detail = null) =>
        Of(StatusCodes.Status422UnprocessableEntity, code, title, detail);

    /// <summary>Default codes for responses that carry no body of their own (401, 403, 404 of unknown routes...).</summary>
    public static (string Code, string Title) DefaultFor(int status) => status switch
    {
        400 => ("bad_request", "请求无效"),
        401 => ("unauthorized", "未登录或令牌无效"),
        403 => ("forbidden", "无权执行此操作"),
        404 => ("not_found", "资源不存在"),
        405 => ("method_not_allowed", "不支持该请求方法"),
        409 => ("conflict", "请求与当前状态冲突"),
        413 => ("payload_too_large", "请求内容过大"),
        415 => ("unsupported_media_type", "不支持的内容类型"),
        429 => ("too_many_requests", "请求过于频繁，请稍后再试"),
        _ when status >= 500 => ("internal_error", "服务器内部错误"),
        _ => ("error", "请求失败"),
    };
}
