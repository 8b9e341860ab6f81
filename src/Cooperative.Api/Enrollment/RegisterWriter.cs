using System.Data;
using System.Globalization;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// Stores an import plan in one transaction, with one audit record for the whole file instead of one per row.
/// MariaDB/MySQL: MySqlBulkCopy (LOAD DATA LOCAL INFILE) when the server allows it, else multi-row INSERTs; SQLite: EF
/// on a context without the per-entity audit interceptor.
/// </summary>
internal static class RegisterWriter
{
    /// <summary>Configuration switch: <c>false</c> makes MariaDB/MySQL imports use INSERT statements even where bulk copy is allowed.</summary>
    public const string BulkCopySetting = "Enrollment:Import:BulkCopy";

    public static async Task WriteAsync(CooperativeDbContext db, ImportPlan plan, AuditRecord audit, bool allowBulkCopy,
        CancellationToken ct)
    {
        if (db.Database.IsMySql()) await WriteMySqlAsync(db.Database.GetConnectionString()!, plan, audit, allowBulkCopy, ct);
        else await WriteWithEfAsync(db.Database.GetConnectionString()!, plan, audit, ct);
    }

    private static async Task WriteMySqlAsync(string connectionString, ImportPlan plan, AuditRecord audit, bool allowBulkCopy,
        CancellationToken ct)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        var bulk = allowBulkCopy && await LocalInfileAllowedAsync(connection, ct);
        // On a Galera cluster the whole file is one write set, replicated at commit: a register larger than the
        // cluster's wsrep_max_ws_rows is refused before anything is written, not failed at commit.
        var writeSet = plan.Persons.Count + plan.Households.Count + plan.Memberships.Count + 1;
        if (await WriteSetRowLimitAsync(connection, ct) is { } limit && writeSet > limit) throw new RegisterTooLargeException(writeSet, limit);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The plan references only rows that exist or that this load adds (villages and townships are reference
        // data, never deleted): the per-row foreign key lookups would only slow the load. Unique checks stay on.
        await ExecuteAsync(connection, transaction, "SET foreign_key_checks = 0", ct);
        var writer = new MySqlTableWriter(connection, transaction, bulk);
        // Each table's rows are laid out on another thread while the server loads the table before it.
        Func<DataTable>[] tables = [() => Persons(plan), () => Households(plan), () => Memberships(plan)];
        Task<DataTable>? next = Task.Run(tables[0], ct);
        try
        {
            for (var i = 0; i < tables.Length; i++)
            {
                using var rows = await next!;
                next = i + 1 < tables.Length ? Task.Run(tables[i + 1], ct) : null;
                await writer.WriteAsync(rows, ct);
            }
        }
        finally
        {
            if (next is not null) await next.ContinueWith(_ => { }, TaskScheduler.Default); // a table no longer needed: let it finish
        }
        using var auditRows = MySqlTableWriter.Rows("audit_records", [audit],
            ("AtUtc", a => a.AtUtc), ("Actor", a => a.Actor), ("ActorRole", a => a.ActorRole), ("EntityType", a => a.EntityType),
            ("EntityId", a => a.EntityId), ("Action", a => a.Action), ("Before", a => a.Before), ("After", a => a.After),
            ("CorrelationId", a => a.CorrelationId));
        await writer.WriteAsync(auditRows, ct);
        await ExecuteAsync(connection, transaction, "SET foreign_key_checks = 1", ct);
        await transaction.CommitAsync(ct);
    }

    private static DataTable Persons(ImportPlan plan) => MySqlTableWriter.Rows("persons", InKeyOrder(plan.Persons, p => p.Id),
        ("Id", p => p.Id.ToString()), ("IdNumber", p => p.IdNumber), ("Name", p => p.Name), ("Gender", p => p.Gender.ToString()),
        ("BirthDate", p => p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("Category", p => p.Category.ToString()), ("Status", p => p.Status.ToString()), ("StatusSince", _ => null),
        ("RegisteredUtc", p => p.RegisteredUtc));

    private static DataTable Households(ImportPlan plan) => MySqlTableWriter.Rows("households", InKeyOrder(plan.Households, h => h.Id),
        ("Id", h => h.Id.ToString()), ("CardNumber", h => h.CardNumber), ("HeadPersonId", h => h.HeadPersonId.ToString()),
        ("TownshipCode", h => h.TownshipCode), ("VillageCode", h => h.VillageCode), ("Address", h => h.Address),
        ("RegisteredUtc", h => h.RegisteredUtc));

    private static DataTable Memberships(ImportPlan plan) => MySqlTableWriter.Rows("memberships", InKeyOrder(plan.Memberships, m => m.Id),
        ("Id", m => m.Id.ToString()), ("PersonId", m => m.PersonId.ToString()), ("HouseholdId", m => m.HouseholdId.ToString()),
        ("Relationship", m => m.Relationship.ToString()),
        ("From", m => m.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("To", _ => null));

    /// <summary>The rows one transaction may replicate on a Galera node (wsrep_max_ws_rows); null without Galera or without a limit.</summary>
    private static async Task<long?> WriteSetRowLimitAsync(MySqlConnection connection, CancellationToken ct)
    {
        await using var command = new MySqlCommand("""
            SELECT MAX(CASE WHEN VARIABLE_NAME = 'WSREP_ON' THEN VARIABLE_VALUE END), MAX(CASE WHEN VARIABLE_NAME = 'WSREP_MAX_WS_ROWS' THEN VARIABLE_VALUE END)
            FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME IN ('WSREP_ON', 'WSREP_MAX_WS_ROWS')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0) || reader.IsDBNull(1) || reader.GetString(0) != "ON") return null;
        return long.TryParse(reader.GetString(1), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, MySqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows in primary key order (as stored, char(36)) append to the clustered index instead of splitting its pages.</summary>
    private static List<T> InKeyOrder<T>(List<T> rows, Func<T, Guid> key) =>
        rows.OrderBy(r => key(r).ToString(), StringComparer.Ordinal).ToList();

    /// <summary>LOAD DATA LOCAL needs the server's consent (local_infile=ON; MySQL 8 ships with it off).</summary>
    private static async Task<bool> LocalInfileAllowedAsync(MySqlConnection connection, CancellationToken ct)
    {
        await using var command = new MySqlCommand("SELECT @@local_infile", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static async Task WriteWithEfAsync(string connectionString, ImportPlan plan, AuditRecord audit, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<SqliteCooperativeDbContext>().UseSqlite(connectionString).Options;
        await using var bulk = new SqliteCooperativeDbContext(options);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;
        bulk.Persons.AddRange(plan.Persons);
        bulk.Households.AddRange(plan.Households);
        bulk.Memberships.AddRange(plan.Memberships);
        bulk.AuditRecords.Add(audit);
        await bulk.SaveChangesAsync(ct);
    }
}

/// <summary>A register whose rows, written in one transaction, exceed what the Galera cluster replicates at once.</summary>
internal sealed class RegisterTooLargeException(long rows, long limit)
    : Exception($"The register needs {rows} rows in one transaction; the cluster's wsrep_max_ws_rows is {limit}.")
{
    public long Rows { get; } = rows;
    public long Limit { get; } = limit;
}

