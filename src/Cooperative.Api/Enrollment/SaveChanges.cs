using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using Cooperative.Api.Infrastructure;

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
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
