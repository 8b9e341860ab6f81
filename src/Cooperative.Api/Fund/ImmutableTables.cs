using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>
/// Makes posted journal rows immutable inside MariaDB/MySQL itself: triggers refuse every UPDATE and DELETE,
/// whichever client sends it. They are created at start-up rather than in a migration because MySQL refuses
/// CREATE TRIGGER inside the stored procedure that the idempotent migration script wraps every statement
/// in. (With binary logging on, the account needs TRIGGER privilege and log_bin_trust_function_creators=1.)
/// The SQLite migration creates the same triggers.
/// </summary>
public static class ImmutableTables
{
    private static readonly string[] Tables = ["journal_entries", "journal_lines", "published_disclosures"];

    public static async Task EnsureTriggersAsync(CooperativeDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return;
        var existing = await db.Database
            .SqlQueryRaw<string>("SELECT TRIGGER_NAME AS `Value` FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()")
            .ToListAsync(ct);
        foreach (var table in Tables)
        foreach (var operation in new[] { "UPDATE", "DELETE" })
        {
            var name = $"{table}_no_{operation.ToLowerInvariant()}";
            if (existing.Contains(name)) continue;
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER `{name}` BEFORE {operation} ON `{table}` FOR EACH ROW " +
                "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'posted rows are immutable'", ct);
        }
    }
}
