using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// What a database provider's exception means, in one place: MariaDB/MySQL error codes and SQLite result codes,
/// wherever EF or the caller wrapped them.
/// </summary>
internal static class DatabaseErrors
{
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

    private static T? Find<T>(Exception? e) where T : Exception =>
        e switch { null => null, T found => found, _ => Find<T>(e.InnerException) };
}
