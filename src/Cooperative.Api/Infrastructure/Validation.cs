using Cooperative.Domain;
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

    /// <summary>A text that must be there, of at most <paramref name="maxLength"/> characters, and plain (see <see cref="PlainText"/>).</summary>
    public Validation Required(string? value, string field, string label, int maxLength = 200, TextKind kind = TextKind.Line)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label}不能为空");
        else Text(value, field, label, maxLength, kind);
        return this;
    }

    /// <summary>A text that may be missing or blank; if given, as <see cref="Required"/> checks it.</summary>
    public Validation Optional(string? value, string field, string label, int maxLength = 200, TextKind kind = TextKind.Line)
    {
        if (!string.IsNullOrEmpty(value)) Text(value, field, label, maxLength, kind);
        return this;
    }

    private void Text(string value, string field, string label, int maxLength, TextKind kind)
    {
        if (value.Length > maxLength) Add(field, $"{label}不能超过{maxLength}个字符");
        if (!PlainText.IsAcceptable(value, kind))
            Add(field, kind == TextKind.Line ? $"{label}不能包含换行、控制字符或不可见的方向控制字符" : $"{label}不能包含控制字符或不可见的方向控制字符");
    }

    /// <summary>
    /// An enum value that is one of its names (JSON also binds a bare number to an enum, one that names nothing).
    /// An absent one passes.
    /// </summary>
    public Validation Defined<T>(T? value, string field, string label) where T : struct, Enum =>
        Check(value is null || Enum.IsDefined(value.Value), field, $"{label}的取值无效，应为 {Vocabulary.Codes<T>()} 之一");

    /// <summary>A code of <typeparamref name="T"/> given as text (a query filter): empty is null, anything else must be a code or alias.</summary>
    public Validation Code<T>(string? text, string field, string label, out T? value) where T : struct, Enum
    {
        value = Vocabulary.TryParse(text, out T parsed) ? parsed : null;
        return Check(string.IsNullOrWhiteSpace(text) || value is not null, field, $"{label}必须是 {Vocabulary.Codes<T>()} 之一");
    }

    /// <summary>As <see cref="Defined{T}(T?, string, string)"/>, for each value of a list.</summary>
    public Validation Defined<T>(IEnumerable<T>? values, string field, string label) where T : struct, Enum =>
        Check(values is null || values.All(v => Enum.IsDefined(v)), field, $"{label}的取值无效，应为 {Vocabulary.Codes<T>()} 之一");

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
