using Cooperative.Api.Audit;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Auth;

/// <summary>
/// The wrong-credential count and lock of one account that signs in: a member of staff (<c>staff:window</c>) or a
/// facility's client (<c>client:facility-H0001</c>). Rows exist only for accounts that exist; the token endpoint
/// changes them while it holds the row (see <see cref="SignInGuard"/>), so that concurrent attempts are counted one
/// after another. Audited explicitly (sign-in-failed, locked, unlocked), not by the interceptor.
/// </summary>
public sealed class AccountLock : INotAudited
{
    public const string StaffPrefix = "staff:";
    public const string ClientPrefix = "client:";

    public required string Account { get; init; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }
    public DateTime? LastFailureUtc { get; private set; }

    public static string Staff(string userName) => StaffPrefix + userName;
    public static string Client(string clientId) => ClientPrefix + clientId;

    /// <summary>When the account's current window of token requests began, and how many it granted since.</summary>
    public DateTime? WindowStartUtc { get; private set; }
    public int WindowRequests { get; private set; }

    public bool IsLocked(DateTime nowUtc) => LockedUntilUtc is { } until && until > nowUtc;

    /// <summary>
    /// Counts a token request in the account's fixed window (one count for the account on every instance of the API,
    /// since the row is held while it is counted); null when it is granted, else how long until the window ends.
    /// </summary>
    public TimeSpan? CountRequest(DateTime nowUtc, int limit, TimeSpan window)
    {
        if (WindowStartUtc is not { } start || nowUtc - start >= window || nowUtc < start)
        {
            WindowStartUtc = nowUtc;
            WindowRequests = 0;
        }
        if (WindowRequests >= limit) return WindowStartUtc.Value + window - nowUtc;
        WindowRequests++;
        return null;
    }

    /// <summary>
    /// Counts a wrong credential; the <paramref name="max"/>th within <paramref name="window"/> of the one before locks the
    /// account for <paramref name="window"/>. A right credential in between does not clear the count: five wrong ones in a
    /// burst lock the account even when the right one is among them. True when it locked.
    /// </summary>
    public bool RecordFailure(DateTime nowUtc, int max, TimeSpan window)
    {
        if (LastFailureUtc is not { } last || nowUtc - last > window) FailedAttempts = 0;
        LastFailureUtc = nowUtc;
        FailedAttempts++;
        if (FailedAttempts < max) return false;
        LockedUntilUtc = nowUtc + window;
        FailedAttempts = 0;
        return true;
    }

    public void Reset()
    {
        FailedAttempts = 0;
        LockedUntilUtc = null;
        LastFailureUtc = null;
    }
}

/// <summary>Lockout and token-endpoint limits (<c>Authentication:Lockout</c>, <c>Authentication:TokenRateLimits</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "Authentication";

    public LockoutOptions Lockout { get; set; } = new();
    public TokenRateLimitOptions TokenRateLimits { get; set; } = new();

    /// <summary>How long an account's state (active, role, lock, client, designation) is cached per instance for the per-request token check.</summary>
    public int AccountStateSeconds { get; set; } = 5;

    /// <summary>How far a token's <c>nbf</c>, <c>iat</c> and <c>exp</c> may be from this server's clock.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>An external OpenID Connect authority's issuer URL; empty for the embedded token server.</summary>
    public string? Authority { get; set; }

    public bool IsExternal => !string.IsNullOrWhiteSpace(Authority);
}

public sealed class LockoutOptions
{
    public int MaxFailures { get; set; } = 5;
    public int Minutes { get; set; } = 15;
}

public sealed class TokenRateLimitOptions
{
    /// <summary>Token requests per client address per window.</summary>
    public int PerAddress { get; set; } = 30;

    /// <summary>
    /// Token requests per user name or client id per window: counted in this process first, then, for an account that
    /// exists, in its <c>account_locks</c> row, so that the limit holds across every instance of the API.
    /// </summary>
    public int PerAccount { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>An administrator's unlock of a staff account or a facility client: the lock row reset, and an audit record.</summary>
public static class AccountUnlock
{
    public static async Task UnlockAsync(Data.CooperativeDbContext db, string account, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.AccountLocks.SingleOrDefaultAsync(l => l.Account == account, ct);
        var who = actor.Current;
        var before = row is null ? null : $"{{\"failedAttempts\":{row.FailedAttempts},\"lockedUntilUtc\":{(row.LockedUntilUtc is { } u ? $"\"{u:O}\"" : "null")}}}";
        row?.Reset();
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, EntityType = "AccountLock", EntityId = account,
            Action = "unlocked", Before = before, After = "{\"failedAttempts\":0,\"lockedUntilUtc\":null}", CorrelationId = who.CorrelationId,
        });
        await db.SaveChangesAsync(ct);
    }
}
