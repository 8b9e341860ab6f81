namespace Cooperative.Api.Audit;

/// <summary>
/// Which instance of the API seals the audit chain, and until when (one row): taken in the same transaction as every
/// seal, so that across a cluster one instance seals at a time, and taken over by another once its holder has stopped
/// renewing it (<c>Audit:SealerLeaseSeconds</c>).
/// </summary>
public sealed class AuditSealerLease : INotAudited
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public string Holder { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }
}

/// <summary>This process's name as a sealer, and what its sealing last found: for readiness and the logs.</summary>
public sealed class AuditSealerState
{
    private readonly Lock _gate = new();

    /// <summary>Unique per process (machine, process id, a random part): a restarted process is a new holder.</summary>
    public string Instance { get; } = Last128($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    /// <summary>Why sealing stopped, while it is stopped; null while it runs.</summary>
    public string? Halted { get; private set; }
    public bool HoldsLease { get; private set; }
    public DateTime? LastSealUtc { get; private set; }

    /// <summary>True when this is news (the first time this halt is seen): log it once, not every few seconds.</summary>
    public bool Halt(string why)
    {
        lock (_gate)
        {
            var news = Halted != why;
            Halted = why;
            return news;
        }
    }

    private static string Last128(string s) => s.Length <= 128 ? s : s[^128..];

    public void Sealed(bool holder, DateTime atUtc)
    {
        lock (_gate)
        {
            Halted = null;
            HoldsLease = holder;
            if (holder) LastSealUtc = atUtc;
        }
    }
}
