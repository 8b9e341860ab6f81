using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Cooperative.Api.Tests.Security;

/// <summary>A request to send: method, path with query, and a body with its content type (or none).</summary>
internal sealed record FuzzRequest(string Method, string Url, string? Body, string? ContentType, string? IdempotencyKey)
{
    public override string ToString()
    {
        var body = Body is null ? "" : $"\n    body ({ContentType}): {Shorten(Body)}";
        return $"{Method} {Shorten(Url)}{body}";
    }

    public static string Shorten(string text) => text.Length <= 400 ? text : $"{text[..400]}…({text.Length} chars)";
}

/// <summary>
/// Generates mutated requests for an operation of the OpenAPI document: path and query parameters get either a
/// value that exists in the scenario (so that the request gets past the 404) or an edge value, and JSON bodies follow
/// the operation's schema with fields mutated, or are garbage altogether.
/// </summary>
internal sealed class FuzzRequests(JsonElement document, IReadOnlyDictionary<string, string[]> known)
{
    private const int MaxDepth = 4;

    public Gen<FuzzRequest> For(ApiOperation operation)
    {
        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(Gen.Const(operation.Template), (gen, p) =>
                from template in gen
                from value in Value(p.Name, p.Schema)
                select template.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal));
        var query = operation.Parameters.Where(p => p.In == "query")
            .Aggregate(Gen.Const(""), (gen, p) =>
                from q in gen
                from present in Gen.Int[0, 2]
                from value in Value(p.Name, p.Schema)
                select present == 0 ? q : $"{q}&{p.Name}={Uri.EscapeDataString(value)}");
        var key = operation.Parameters.Any(p => p is { In: "header", Name: "Idempotency-Key" })
            ? Gen.Frequency((4, Gen.Guid.Select(g => (string?)g.ToString())), (1, Gen.OneOfConst<string?>(null, "", new string('k', 300), "a b;c=\"d\"")))
            : Gen.Const(default(string));
        var body = Body(operation);
        return from p in path
               from q in query
               from b in body
               from k in key
               select new FuzzRequest(operation.Method, q.Length == 0 ? p : $"{p}?{q[1..]}", b?.Body, b?.ContentType, k);
    }

    private Gen<(string Body, string ContentType)?> Body(ApiOperation operation)
    {
        var raw = FuzzValues.RawBody.Select(b => ((string, string)?)b);
        if (operation.Body is not { } schema)
            return operation.Method is "GET" ? Gen.Const(default((string, string)?)) : Gen.Frequency((3, Gen.Const(default((string, string)?))), (1, raw));
        var json = Json(schema, null, 0).Select(b => ((string, string)?)(b, "application/json"));
        return Gen.Frequency((6, json), (1, raw));
    }

    /// <summary>A parameter's value: one the scenario knows (when there is one for the name), else an edge value.</summary>
    private Gen<string> Value(string name, JsonElement schema)
    {
        var (type, format) = TypeOf(schema);
        var edge = FuzzValues.EdgeFor(type, format);
        return known.TryGetValue(name, out var values) ? Gen.Frequency((2, Gen.OneOfConst(values)), (1, edge)) : edge;
    }

    /// <summary>JSON text following the schema, each value now and then replaced by garbage.</summary>
    private Gen<string> Json(JsonElement schema, string? name, int depth)
    {
        var valid = ValidJson(OpenApiOperations.Resolve(document, schema), name, depth);
        return Gen.Frequency((5, valid), (1, FuzzValues.GarbageJson));
    }

    private Gen<string> ValidJson(JsonElement schema, string? name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object) return Gen.Const("null");
        if (schema.TryGetProperty("enum", out var choices))
            return Gen.OneOfConst([.. choices.EnumerateArray().Select(c => c.GetRawText())]);
        var (type, format) = TypeOf(schema);
        if (name is not null && known.TryGetValue(name, out var values) && type is "string" or "integer" or "number")
            return Gen.Frequency((2, Gen.OneOfConst(values).Select(v => type == "string" ? JsonSerializer.Serialize(v) : v)),
                (1, Scalar(type, format)));
        return type switch
        {
            "array" when depth >= MaxDepth => Gen.Const("[]"),
            "array" => Json(schema.GetProperty("items"), name, depth + 1).List[0, 3].Select(items => $"[{string.Join(',', items)}]"),
            "object" or null when depth >= MaxDepth => Gen.Const("{}"),
            "object" or null => Object(schema, depth),
            _ => Scalar(type, format),
        };
    }

    private Gen<string> Object(JsonElement schema, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties)) return Gen.Const("{}");
        return properties.EnumerateObject()
            .Aggregate(Gen.Const(""), (gen, property) =>
                from fields in gen
                from omitted in Gen.Int[0, 9]
                from value in Json(property.Value, property.Name, depth + 1)
                select omitted == 0 ? fields : $"{fields},{JsonSerializer.Serialize(property.Name)}:{value}")
            .Select(fields => "{" + (fields.Length == 0 ? "" : fields[1..]) + "}");
    }

    private static Gen<string> Scalar(string? type, string? format) => (type, format) switch
    {
        ("integer", _) => Gen.Int[0, 100].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        ("number", _) => Gen.Int[0, 500_000].Select(cents => (cents / 100m).ToString(CultureInfo.InvariantCulture)),
        ("boolean", _) => Gen.OneOfConst("true", "false"),
        ("string", "date") => Gen.Int[1, 30].Select(d => $"\"2026-11-{d:00}\""),
        ("string", "date-time") => Gen.Const("\"2026-11-20T10:00:00Z\""),
        ("string", "uuid") => Gen.Guid.Select(g => $"\"{g}\""),
        _ => Gen.OneOfConst("正常文字", "张三", "说明一段\n第二行", "A1", "13800138000").Select(s => JsonSerializer.Serialize(s)),
    };

    private static (string? Type, string? Format) TypeOf(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? (null, null) : (
            schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
            schema.TryGetProperty("format", out var f) ? f.GetString() : null);

    /// <summary>The UTF-8 body of a request, or none.</summary>
    public static HttpContent? Content(FuzzRequest request)
    {
        if (request.Body is null) return null;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        return content;
    }
}
