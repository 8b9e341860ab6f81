using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>InnoDB chose this transaction as a deadlock victim (1213) or gave up waiting for a lock (1205): try again.</summary>
internal static class Deadlock
{
    public static bool Is(Exception e) => Find(e) is { ErrorCode: MySqlConnector.MySqlErrorCode.LockDeadlock or MySqlConnector.MySqlErrorCode.LockWaitTimeout };

    private static MySqlConnector.MySqlException? Find(Exception? e) =>
        e switch { null => null, MySqlConnector.MySqlException m => m, _ => Find(e.InnerException) };
}

/// <summary>A unique index refused a row; <c>indexPart</c> names the index (by a column in its name).</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException e, string indexPart) =>
        e.InnerException?.Message is { } message
        && (message.Contains("Duplicate entry", StringComparison.Ordinal) || message.Contains("UNIQUE constraint failed", StringComparison.Ordinal))
        && message.Contains(indexPart, StringComparison.Ordinal);
}
