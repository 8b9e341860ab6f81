using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>
/// Makes posted rows immutable inside MariaDB/MySQL itself: triggers refuse every UPDATE and DELETE of journal
/// entries, their lines and published disclosures, and any line added to an entry already posted (an entry records
/// how many lines it was posted with), whichever client sends it. They are created at start-up by the migrations
/// account rather than in a migration because MySQL refuses CREATE TRIGGER inside the stored procedure that the
/// idempotent migration script wraps every statement in. At every start the application's own account reads each
/// guard's body back and refuses to start when one is missing or is not the body below: a guard replaced by a
/// no-op of the same name is found. The SQLite migrations create the same guards.
/// </summary>
public static class ImmutableTables
{
    private const string Immutable = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'posted rows are immutable'";

    // A line is admitted only with a number within its entry's LineCount; with the primary key (EntryId, LineNo) no entry
    // can hold more lines than it was posted with. It reads only the entry's row: counting the entry's lines instead took
    // a locking read at the end of journal_lines' key, where every new entry's lines land, and concurrent claims deadlocked.
    private const string NoLineAdded =
        "BEGIN IF NEW.`LineNo` < 1 OR NEW.`LineNo` > COALESCE((SELECT `LineCount` FROM `journal_entries` WHERE `Id` = NEW.`EntryId`), 0) THEN " +
        "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lines cannot be added to a posted entry'; END IF; END";

    /// <summary>Guards of earlier releases, dropped at start by the migrations account when still present.</summary>
    private static readonly string[] Retired = ["journal_lines_no_insert_into_posted"];

    /// <summary>Every guard: its name, table, event and body.</summary>
    public static IReadOnlyList<(string Name, string Table, string Event, string Body)> Guards { get; } = Build();

    private static List<(string, string, string, string)> Build()
    {
        var guards = new List<(string, string, string, string)>();
        foreach (var table in new[] { "journal_entries", "journal_lines", "published_disclosures" })
        foreach (var operation in new[] { "UPDATE", "DELETE" })
            guards.Add(($"{table}_no_{operation.ToLowerInvariant()}", table, operation, Immutable));
        guards.Add(("journal_lines_within_line_count", "journal_lines", "INSERT", NoLineAdded));
        return guards;
    }

    /// <summary>Creates the guards that are missing (the migrations account: it needs the TRIGGER privilege).</summary>
    public static async Task EnsureTriggersAsync(CooperativeDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return;
        var existing = await StoredAsync(db, ct);
        foreach (var retired in Retired.Where(existing.ContainsKey))
        {
            var drop = $"DROP TRIGGER `{retired}`"; // this class's constant, never input
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        foreach (var (name, table, operation, body) in Guards)
        {
            if (existing.ContainsKey(name)) continue;
            // Names and bodies are this class's constants, never input.
            var create = $"CREATE TRIGGER `{name}` BEFORE {operation} ON `{table}` FOR EACH ROW {body}";
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
    }

    /// <summary>What is wrong with the guards as stored: each missing or altered one, in English for the log.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(CooperativeDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return [];
        var stored = await StoredAsync(db, ct);
        var problems = new List<string>();
        foreach (var (name, table, operation, body) in Guards)
        {
            if (!stored.TryGetValue(name, out var found)) problems.Add($"guard trigger {name} is missing");
            else if (found.Body is null)
                problems.Add($"guard trigger {name} cannot be read by this account (it lacks the TRIGGER privilege): " +
                             $"configure ConnectionStrings:{Data.DatabaseSetup.MigrationsConnectionName} so that the guards are checked with it");
            else if (Normal(found.Body) != Normal(body) || found.Table != table || found.Event != operation || found.Timing != "BEFORE")
                problems.Add($"guard trigger {name} has been altered: {found.Timing} {found.Event} ON {found.Table}: {found.Body}");
        }
        return problems;
    }

    /// <summary>Refuses to start on a missing or altered guard.</summary>
    public static async Task VerifyAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var problems = await ProblemsAsync(db, ct);
        if (problems.Count > 0)
            throw new InvalidOperationException("The database's guards of the fund's books are not as the application made them; " +
                "refusing to start until an administrator has looked: " + string.Join("; ", problems));
    }

    private sealed record StoredTrigger(string Name, string Table, string Event, string Timing, string? Body);

    private static async Task<Dictionary<string, StoredTrigger>> StoredAsync(CooperativeDbContext db, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<StoredTrigger>(
            "SELECT TRIGGER_NAME AS `Name`, EVENT_OBJECT_TABLE AS `Table`, EVENT_MANIPULATION AS `Event`, ACTION_TIMING AS `Timing`, " +
            "ACTION_STATEMENT AS `Body` FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()").ToListAsync(ct);
        return rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    private static string Normal(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
