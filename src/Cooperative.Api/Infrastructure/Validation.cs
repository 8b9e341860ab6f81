using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Collects field errors of a request (messages in Chinese) and turns them into one 400 problem answer with
/// the stable code <c>validation_failed</c>. Rejections are values, not exceptions.
/// </summary>
public sealed class Validation
{
    public const string FailedCode = "validation_failed";
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Check(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public Validation Required(string? value, string field, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label}不能为空");
        else if (value.Length > maxLength) Add(field, $"{label}不能超过{maxLength}个字符");
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "请求数据有误",
        type: Problems.TypeFor(FailedCode),
        extensions: new Dictionary<string, object?> { [Problems.CodeKey] = FailedCode });
}
