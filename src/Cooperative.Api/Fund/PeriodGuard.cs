using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using Cooperative.Api.Infrastructure;

namespace Cooperative.Api.Fund;

/// <summary>
/// Whether a month is closed, read so that a posting cannot slip into a month while it is being closed.
/// On MariaDB/MySQL, inside a transaction, the month's row is read with a shared lock: postings share it with
/// one another, and closing the month (which takes it exclusively) waits for them and they for it. The row
/// is created once per month, on a connection of its own, by the first posting that needs it.
/// </summary>
internal static class PeriodGuard
{
    // Months whose row is known to exist, by database: rows are created once and never deleted.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, int Period), bool> Existing = new();

    public static async Task<bool> IsClosedAsync(CooperativeDbContext db, int period, CancellationToken ct)
    {
        if (!db.Database.IsMySql() || db.Database.CurrentTransaction is null)
            return await db.LedgerPeriods.AnyAsync(p => p.Period == period && p.IsClosed, ct);
        // Create the row first if it is missing: a locking read that finds nothing locks the gap, and the
        // other connection's insert would then wait on this very transaction.
        await EnsureKnownAsync(db, period, ct);
        var state = await LockedReadAsync(db, period, ct);
        return state.Count > 0 && state[0];
    }

    private static async Task EnsureKnownAsync(CooperativeDbContext db, int period, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (Existing.ContainsKey((connectionString, period))) return;
        if (!await db.LedgerPeriods.AsNoTracking().AnyAsync(p => p.Period == period, ct))
            await EnsureRowAsync(connectionString, period, ct);
        Existing.TryAdd((connectionString, period), true);
    }

    /// <summary>
    /// For a posting into <paramref name="period"/>: the latest closed month (nothing is posted into or before it) and
    /// whether this month is closed, read as <see cref="IsClosedAsync"/> reads it; on MariaDB/MySQL in one statement.
    /// </summary>
    public static async Task<(int? ClosedThrough, bool PeriodClosed)> StateAsync(CooperativeDbContext db, int period, CancellationToken ct)
    {
        if (!db.Database.IsMySql() || db.Database.CurrentTransaction is null)
            return (await db.LedgerPeriods.AsNoTracking().Where(p => p.IsClosed).MaxAsync(p => (int?)p.Period, ct), await IsClosedAsync(db, period, ct));
        await EnsureKnownAsync(db, period, ct);
        // The month's row with a shared lock; the latest closed month by a plain read in the same statement (the lock
        // clause does not reach into the subquery), as it was read before by a query of its own.
        var state = await db.Database.SqlQueryRaw<PeriodState>("""
            SELECT p.`IsClosed` AS `IsClosed`, (SELECT MAX(c.`Period`) FROM ledger_periods c WHERE c.`IsClosed`) AS `ClosedThrough`
            FROM ledger_periods p WHERE p.`Period` = {0} LOCK IN SHARE MODE
            """, period).ToListAsync(ct);
        return state.Count == 0 ? (null, false) : (state[0].ClosedThrough, state[0].IsClosed);
    }

    private sealed record PeriodState(bool IsClosed, int? ClosedThrough);

    /// <summary>The month's row, locked for update, for the one who closes it.</summary>
    public static async Task LockForCloseAsync(CooperativeDbContext db, int period, CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return;
        await EnsureRowAsync(db.Database.GetConnectionString()!, period, ct);
        await db.Database.SqlQueryRaw<bool>(
            "SELECT `IsClosed` AS `Value` FROM ledger_periods WHERE `Period` = {0} FOR UPDATE", period).ToListAsync(ct);
    }

    private static Task<List<bool>> LockedReadAsync(CooperativeDbContext db, int period, CancellationToken ct) =>
        db.Database.SqlQueryRaw<bool>(
            "SELECT `IsClosed` AS `Value` FROM ledger_periods WHERE `Period` = {0} LOCK IN SHARE MODE", period).ToListAsync(ct);

    private static async Task EnsureRowAsync(string connectionString, int period, CancellationToken ct) =>
        await SideConnection.ExecuteScalarAsync(connectionString, "INSERT IGNORE INTO ledger_periods (`Period`, `IsClosed`) VALUES (@period, 0)", ct,
            ("@period", period));
}
