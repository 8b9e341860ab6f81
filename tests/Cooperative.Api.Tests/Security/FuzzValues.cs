using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// The edge values a client may send, as CsCheck generators: numbers that overflow, impossible and extreme dates,
/// strings with control characters, bidi overrides, zero-width characters, and very long ones.
/// </summary>
internal static class FuzzValues
{
    private static string Json(string value) => JsonSerializer.Serialize(value);

    /// <summary>Any character of the basic plane but the surrogates (a lone one cannot be escaped into a URL).</summary>
    private static readonly Gen<char> AnyChar = Gen.Frequency((3, Gen.Char['\0', '\u00ff']), (1, Gen.Char['\u0100', '\ud7ff']),
        (1, Gen.Char['\ue000', '\uffff']));

    /// <summary>Strings that are safe in a URL once escaped (no lone surrogates).</summary>
    public static readonly Gen<string> EdgeString = Gen.OneOf(
        Gen.OneOfConst("", " ", "0", "-1", "null", "undefined", "\0", "a\0b", "\u0007\u001b[31m", "\u202Eexe.txt", "\u2066名\u2069",
            "\uFEFF", "王\u200B建国", "𝕏😀", "\r\n", "\t", "' OR 1=1 --", "../../etc/passwd", "%00", "<script>alert(1)</script>", "..",
            "H0001\u0000", "\u0085", "\u009b", new string('长', 5_000), new string('a', 70_000)),
        Gen.String[AnyChar, 0, 40]);

    public static readonly Gen<string> EdgeInteger = Gen.OneOf(
        Gen.OneOfConst("0", "-1", "1", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "1e5", "12.5", "0x10", "abc", ""),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static readonly Gen<string> EdgeNumber = Gen.OneOf(
        Gen.OneOfConst("0", "-0.01", "-1000000", "1e308", "-1e308", "79228162514264337593543950336", "0.001", "1e-30", "NaN", "Infinity", ""),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)));

    public static readonly Gen<string> EdgeDate = Gen.OneOf(
        Gen.OneOfConst("0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "1900-01-01", "1999-12-31", "2100-12-31", "2101-01-01",
            "20261101", "26-11-01", "2026-11-20T10:00:00", "", "2026-11"),
        Gen.Date.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static readonly Gen<string> EdgeGuid = Gen.OneOf(
        Gen.OneOfConst("00000000-0000-0000-0000-000000000000", "not-a-guid", "ffffffff-ffff-ffff-ffff-ffffffffffff", ""),
        Gen.Guid.Select(g => g.ToString()));

    /// <summary>An edge value for a parameter of the given schema type and format, as text.</summary>
    public static Gen<string> EdgeFor(string? type, string? format) => (type, format) switch
    {
        ("integer", _) => EdgeInteger,
        ("number", _) => EdgeNumber,
        ("boolean", _) => Gen.OneOfConst("true", "false", "1", "yes", ""),
        (_, "date") => EdgeDate,
        (_, "uuid") => EdgeGuid,
        _ => Gen.Frequency((3, EdgeString), (1, EdgeDate), (1, EdgeInteger)),
    };

    /// <summary>JSON values of the wrong kind or of extreme size, as JSON text.</summary>
    public static readonly Gen<string> GarbageJson = Gen.OneOf(
        Gen.OneOfConst("null", "true", "\"\"", "\"x\"", "-1", "0", "2147483648", "-9223372036854775809", "1e999", "-1e400", "1.5",
            "79228162514264337593543950336", "-0.01", "[]", "{}", "[null]", "{\"a\":{\"b\":[1,{\"c\":null}]}}",
            new string('[', 100) + new string(']', 100), "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"2026-02-30\"", "\"0001-01-01\"",
            "\"9999-12-31\"", "\"\\u202Etxt\"", "\"\\u0000\\u0001\\u001f\""),
        EdgeString.Select(Json),
        EdgeInteger.Where(s => s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    /// <summary>Bodies that are not the JSON asked for, with the content type they claim.</summary>
    public static readonly Gen<(string Body, string ContentType)> RawBody = Gen.Select(
        Gen.OneOf(
            Gen.OneOfConst("", "{", "}", "[", "{\"a\":", "nul", "{\"a\":1,}", "\u0000\u0001\u0002", "<xml/>", "a=1&b=%ZZ", "--x\r\n\r\n",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\0\0\r\n--x--\r\n",
                new string('{', 5_000), "{\"x\":\"" + new string('a', 200_000) + "\"}"),
            GarbageJson,
            Gen.String[AnyChar, 0, 200]),
        Gen.OneOfConst("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/octet-stream"));
}
