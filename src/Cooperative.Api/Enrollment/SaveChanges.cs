using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Cooperative.Api.Enrollment;

internal static class SaveChanges
{
    /// <summary>
    /// Saves, answering false (nothing saved) when a unique index refused a row: someone else registered the
    /// same card number, ID number or enrolment at the same moment.
    /// </summary>
    public static async Task<bool> TrySaveUniqueAsync(this CooperativeDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        MySqlException my => my.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteErrorCode == 19 && lite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
