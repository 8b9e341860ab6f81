using System.Security.Cryptography;
using System.Text;

namespace Cooperative.Api.Audit;

/// <summary>
/// The secrets the audit chain is keyed with (HMAC-SHA256), from configuration, never from the database:
/// <c>Audit:Keys:{id}</c> (base64, at least 32 bytes) and <c>Audit:KeyId</c>, the key that seals new records. Old keys
/// stay configured so that records sealed with them still verify; each record stores the id of its key.
/// </summary>
public sealed class AuditKeys
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public AuditKeys(IConfiguration config)
    {
        foreach (var entry in config.GetSection("Audit:Keys").GetChildren())
        {
            var key = Convert.FromBase64String(entry.Value ?? "");
            if (key.Length < 32) throw new InvalidOperationException($"Audit:Keys:{entry.Key} must be at least 32 bytes (base64).");
            _keys[entry.Key] = key;
        }
        CurrentId = config["Audit:KeyId"] is { Length: > 0 } id ? id : _keys.Keys.Order(StringComparer.Ordinal).LastOrDefault();
        if (CurrentId is not null && !_keys.ContainsKey(CurrentId))
            throw new InvalidOperationException($"Audit:KeyId {CurrentId} has no key under Audit:Keys.");
    }

    /// <summary>The key id new records are sealed with, or null (unkeyed SHA-256, refused outside Development and tests).</summary>
    public string? CurrentId { get; }

    public bool Knows(string id) => _keys.ContainsKey(id);

    /// <summary>HMAC-SHA256 of the text under the key, hex; with no key id, plain SHA-256 (records sealed before keys existed).</summary>
    public string Mac(string? keyId, string text)
    {
        if (keyId is null) return Infrastructure.TextDigests.Sha256Hex(text);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_keys[keyId], Encoding.UTF8.GetBytes(text)));
    }
}
