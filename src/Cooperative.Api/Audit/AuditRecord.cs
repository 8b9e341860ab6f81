namespace Cooperative.Api.Audit;

/// <summary>
/// One change by anyone (审计记录): who, in which role, when, which entity, what action, the values before
/// and after, and the request that did it. Appended, never updated.
/// </summary>
public sealed class AuditRecord
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
}

public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
