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
        var connectionString = db.Database.GetConnectionString()!;
        if (!Existing.ContainsKey((connectionString, period)))
        {
            if (!await db.LedgerPeriods.AsNoTracking().AnyAsync(p => p.Period == period, ct))
                await EnsureRowAsync(connectionString, period, ct);
            Existing.TryAdd((connectionString, period), true);
        }
        var state = await LockedReadAsync(db, period, ct);
        return state.Count > 0 && state[0];
    }

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
