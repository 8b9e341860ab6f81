using System.Security.Cryptography;
using System.Text;

namespace Cooperative.Api.Infrastructure;

/// <summary>Small text helpers shared by the exports and the fingerprints.</summary>
public static class TextDigests
{
    /// <summary>SHA-256 of the text's UTF-8 bytes, as lowercase hex.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A CSV field (RFC 4180): quoted, inner quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string CsvField(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
