using System.Security.Cryptography;
using System.Text;

namespace Cooperative.Domain.Complaints;

/// <summary>
/// The code a complainant gets at filing to look up his filing's status (查询码): 8 characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits. Only its SHA-256 hash is kept, so that
/// nobody who reads the database can look a filing up as its complainant.
/// </summary>
public static class LookupCode
{
    public const int Length = 8;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Case and surrounding blanks do not matter to a person typing the code back.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    /// <summary>Compares in constant time.</summary>
    public static bool Matches(string? code, string hash) => !string.IsNullOrWhiteSpace(code) && code.Trim().Length == Length &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(hash));
}
