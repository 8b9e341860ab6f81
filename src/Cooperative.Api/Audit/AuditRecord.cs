namespace Cooperative.Api.Audit;

/// <summary>
/// One change by anyone (审计记录): who, in which role, when, which entity, what action, the values before
/// and after, and the request that did it. Appended, never updated.
/// </summary>
public sealed class AuditRecord : INotAudited
{
    public long Id { get; private set; }
    public required DateTime AtUtc { get; init; }
    public required string Actor { get; init; }
    public string? ActorRole { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? CorrelationId { get; init; }
    /// <summary>Position in the tamper-evident chain, set when the record is sealed (shortly after it is written).</summary>
    public long? Seq { get; private set; }
    /// <summary>HMAC-SHA256 (hex, keyed by <see cref="KeyId"/>) over the previous record's hash and this record's canonical form.</summary>
    public string? Hash { get; private set; }
    /// <summary>The id of the configured key the hash was made with; null for records sealed before keys (plain SHA-256).</summary>
    public string? KeyId { get; private set; }

    // Sealed once, by AuditChain's one UPDATE per batch (WHERE Seq IS NULL): never through the entity.
}

/// <summary>The newest sealed record of the chain: one row, locked while sealing so that one sealer runs at a time.</summary>
public sealed class AuditChainHead : INotAudited
{
    public const int SingletonId = 1;
    public static readonly string GenesisHash = new('0', 64);
    public int Id { get; init; } = SingletonId;
    public long Seq { get; set; }
    public string Hash { get; set; } = GenesisHash;
}

/// <summary>Rows of the audit machinery itself: auditing them would never end.</summary>
public interface INotAudited;

public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
