using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// What a database provider's exception means, in one place: MariaDB/MySQL error codes and SQLite result codes,
/// wherever EF or the caller wrapped them.
/// </summary>
internal static class DatabaseErrors
{
    /// <summary>
    /// This transaction lost a conflict and was rolled back whole: InnoDB's deadlock victim, or on a Galera cluster a
    /// transaction that failed certification at commit or was aborted by a conflicting write set (both reported as
    /// 1213). Doing it again from the start is the remedy.
    /// </summary>
    public static bool IsLostConflict(Exception e) => Find<MySqlException>(e) is { ErrorCode: MySqlErrorCode.LockDeadlock };

    /// <summary>InnoDB chose this transaction as a deadlock victim (1213) or gave up waiting for a lock (1205): try again.</summary>
    public static bool IsDeadlock(Exception e) =>
        Find<MySqlException>(e) is { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout };

    /// <summary>
    /// A unique index refused a row (MariaDB 1062, SQLite constraint "UNIQUE"); with <paramref name="indexPart"/>, only an
    /// index whose name (MariaDB) or column list (SQLite) contains it.
    /// </summary>
    public static bool IsUniqueViolation(Exception e, string? indexPart = null)
    {
        var message = Find<MySqlException>(e) is { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } my ? my.Message
            : Find<SqliteException>(e) is { SqliteErrorCode: 19 } lite && lite.Message.Contains("UNIQUE", StringComparison.Ordinal) ? lite.Message
            : null;
        return message is not null && (indexPart is null || message.Contains(indexPart, StringComparison.Ordinal));
    }

    /// <summary>
    /// The database cannot be reached or is not answering (connection refused or lost, server gone, shutting down,
    /// too many connections, a timeout), or SQLite is busy: nothing the caller sent is wrong, and it may try again.
    /// </summary>
    public static bool IsUnavailable(Exception e)
    {
        if (Find<MySqlException>(e) is { } my)
            return my.ErrorCode is MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown or MySqlErrorCode.NormalShutdown
                       or MySqlErrorCode.ConnectionCountError or MySqlErrorCode.CommandTimeoutExpired
                   // too many connections; a Galera node not ready for queries (joining, or cut off from the cluster's
                   // majority: "WSREP has not yet prepared node for application use"); server gone; lost connection
                   || (int)my.ErrorCode is 1040 or 1047 or 1203 or 2006 or 2013
                   || my.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException;
        if (Find<SqliteException>(e) is { SqliteErrorCode: 5 or 6 }) return true; // SQLITE_BUSY, SQLITE_LOCKED
        // A connection cut mid-answer (a node killed, a proxy closing its sessions) surfaces as MySqlConnector's
        // end-of-stream exception, under EF's own exceptions and not always under a MySqlException.
        return Find<System.Net.Sockets.SocketException>(e) is not null || Find<MySqlEndOfStreamException>(e) is not null
               || (Find<InvalidOperationException>(e) is { } op && op.Message.Contains("transient failure", StringComparison.Ordinal));
    }

    private static T? Find<T>(Exception? e) where T : Exception =>
        e switch { null => null, T found => found, _ => Find<T>(e.InnerException) };
}
