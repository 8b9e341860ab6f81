using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.StaffConsole;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Auth;

/// <summary>
/// The sign-in page of the authorization endpoint (登录), in Chinese: user name, password and the request's own
/// parameters as hidden fields, posted back to <c>/connect/authorize</c>. Plain HTML with its style sheet
/// <c>/console/signin.css</c> and no script; every value written is HTML-encoded. The element ids <c>username</c>,
/// <c>password</c>, <c>sign-in</c> and <c>sign-in-error</c> are stable (browser tests drive them).
/// </summary>
public static class SignInPage
{
    public const string WrongCredentials = "用户名或密码错误";
    public const string Locked = "账号因多次密码错误已锁定，请稍后再试或联系管理员解锁";
    public const string TooMany = "请求过于频繁，请稍后再试";

    // Chinese stays readable; markup, quotes and control characters are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="parameters">The request's parameters to carry; user name and password are left out of them.</param>
    /// <param name="formAction">Another origin the form's answer may redirect to (a configured console's).</param>
    public static async Task WriteAsync(HttpContext http, IEnumerable<KeyValuePair<string, string?>> parameters,
        string? userName, string? error, int status = StatusCodes.Status200OK, string? formAction = null)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // The page's own policy: CSP form-action also covers the redirect that answers the form.
        response.Headers.ContentSecurityPolicy = formAction is null ? SecurityHeaders.PagePolicy
            : SecurityHeaders.PagePolicy.Replace("form-action 'self'", $"form-action 'self' {formAction}",
                StringComparison.Ordinal);
        var page = Render(http.Request.PathBase, options.SystemName, parameters, userName, error);
        await response.WriteAsync(page, http.RequestAborted);
    }

    private static string Render(PathString pathBase, string systemName,
        IEnumerable<KeyValuePair<string, string?>> parameters, string? userName, string? error)
    {
        var page = new StringBuilder(2048);
        page.Append($"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(systemName)} - 登录</title>
            <link rel="stylesheet" href="{E(pathBase + "/console/signin.css")}">
            </head>
            <body>
            <main class="sign-in">
            <h1>{E(systemName)}</h1>
            <p class="subtitle">工作人员登录</p>
            <p id="sign-in-error" class="error" role="alert"{(error is null ? " hidden" : "")}>{E(error)}</p>
            <form method="post" action="{E(pathBase + "/connect/authorize")}">

            """);
        foreach (var (name, value) in parameters.Where(p => p.Key is not ("username" or "password")))
            page.Append($"""<input type="hidden" name="{E(name)}" value="{E(value)}">""").Append('\n');
        page.Append($"""
            <label for="username">用户名</label>
            <input id="username" name="username" type="text" autocomplete="username" required autofocus
              value="{E(userName)}">
            <label for="password">密码</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button id="sign-in" type="submit">登录</button>
            </form>
            </main>
            </body>
            </html>

            """);
        return page.ToString();
    }

    private static string E(string? value) => Html.Encode(value ?? "");
}
