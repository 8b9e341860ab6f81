namespace Cooperative.Domain;

/// <summary>What kind of "no" a refusal is; the web edge turns it into 400, 404, 409 or 422.</summary>
public enum RefusalKind
{
    /// <summary>The request itself is malformed (400).</summary>
    Invalid,

    /// <summary>What it names does not exist, or is not the caller's to see (404).</summary>
    NotFound,

    /// <summary>It contradicts what is stored: a duplicate, a wrong state (409).</summary>
    Conflict,

    /// <summary>Well-formed, but the scheme's rules refuse it (422).</summary>
    Unprocessable,
}

/// <summary>
/// A refusal as a value: a stable machine code, a Chinese title and detail for the person at the counter.
/// Services return it; only the endpoints know HTTP.
/// </summary>
/// <param name="Details">Further members of the answer (the rows of a register that failed, say), or null.</param>
public sealed record Refusal(RefusalKind Kind, string Code, string Title, string? Detail = null,
    IReadOnlyDictionary<string, object?>? Details = null)
{
    public static Refusal Conflict(string code, string title, string? detail = null) => new(RefusalKind.Conflict, code, title, detail);

    public static Refusal Unprocessable(string code, string title, string? detail = null, IReadOnlyDictionary<string, object?>? details = null) =>
        new(RefusalKind.Unprocessable, code, title, detail, details);

    public static Refusal NotFound(string code, string title, string? detail = null) => new(RefusalKind.NotFound, code, title, detail);

    public static Refusal Invalid(string code, string title, string? detail = null) => new(RefusalKind.Invalid, code, title, detail);
}
