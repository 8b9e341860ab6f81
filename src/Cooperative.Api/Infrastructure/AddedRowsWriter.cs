using System.Data.Common;
using System.Text;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Saves a unit of work that only adds rows (a settled claim: the claim, its lines and history, the journal entry and
/// its lines, their audit records) on MariaDB/MySQL as one command of one multi-row INSERT per table, in the order of
/// their foreign keys, inside the caller's transaction. Measured on the claim path, EF's SaveChanges and the audit
/// interceptor made half of the API's allocations per claim (a command per table, a column modification and a
/// parameter object per value, the change tracker's bookkeeping). The rows, their values (through the same type mappings and converters) and the audit records (through
/// <see cref="AuditInterceptor"/>) are those SaveChanges would write; the tracked entries are detached afterwards.
/// Anything else (a change or a deletion, SQLite, a type this does not handle) is left to SaveChanges: false.
/// </summary>
internal static class AddedRowsWriter
{
    public static async Task<bool> TrySaveAsync(CooperativeDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsMySql() || db.Database.CurrentTransaction is not { } transaction) return false;
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached).ToList();
        if (entries.Count == 0 || entries.Any(e => e.State != EntityState.Added)) return false;
        var types = entries.Select(e => e.Metadata).Append(db.Model.FindEntityType(typeof(AuditRecord))!).Distinct().ToList();
        if (!types.All(Handles) || InsertOrder(types) is not { } order) return false;

        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // detected above; the audit records' entries need no second pass
        List<EntityEntry> added;
        try
        {
            AuditInterceptor.AddAuditRecords(db);
            added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        var sql = new StringBuilder();
        var n = 0;
        foreach (var type in order)
        {
            var rows = added.Where(e => e.Metadata == type).ToList();
            if (rows.Count == 0) continue;
            var plan = Plans.GetOrAdd(type, TablePlan.Of);
            // A key the database generates (an audit record's id) is left out while its value is still EF's placeholder.
            var skipped = plan.Generated.Where(p => rows[0].Property(p.Name).IsTemporary).ToList();
            if (rows.Any(r => plan.Generated.Any(p => r.Property(p.Name).IsTemporary != skipped.Contains(p))))
                throw new InvalidOperationException($"{type.ClrType.Name} rows differ in which keys the database generates.");
            var columns = skipped.Count == 0 ? plan.Columns : plan.Columns.Where(c => !skipped.Contains(c.Property)).ToList();
            sql.Append("INSERT INTO `").Append(plan.Table).Append("` (").AppendJoin(", ", columns.Select(c => c.Quoted)).Append(") VALUES ");
            for (var r = 0; r < rows.Count; r++)
            {
                var values = rows[r].CurrentValues;
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = ParameterName(n++);
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, values[columns[c].Property], columns[c].Property.IsNullable));
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                }
                sql.Append(')');
            }
            sql.Append(";\n");
        }
        command.CommandText = sql.ToString();
        int stored;
        try
        {
            stored = await command.ExecuteNonQueryAsync(ct);
        }
        catch (MySqlException e)
        {
            // As SaveChanges would report it: callers tell a duplicate bill or a lost conflict by the inner exception.
            throw new DbUpdateException(e.Message, e);
        }
        if (stored != added.Count) throw new DbUpdateException($"{stored} of {added.Count} rows were stored.");
        db.ChangeTracker.Clear();
        return true;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, TablePlan> Plans = new();

    private static readonly string[] Names = Enumerable.Range(0, 2000).Select(i => $"@p{i}").ToArray();

    private static string ParameterName(int i) => i < Names.Length ? Names[i] : $"@p{i}";

    private sealed record Column(IProperty Property, string Quoted, RelationalTypeMapping Mapping);

    /// <summary>A type's table, its columns (quoted, with their type mappings) and the properties whose value may be generated.</summary>
    private sealed record TablePlan(string Table, List<Column> Columns, List<IProperty> Generated)
    {
        public static TablePlan Of(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var properties = type.GetProperties().ToList();
            return new TablePlan(table.Name,
                properties.Select(p => new Column(p, $"`{p.GetColumnName(table)}`", p.GetRelationalTypeMapping())).ToList(),
                properties.Where(p => p.ValueGenerated != ValueGenerated.Never).ToList());
        }
    }

    /// <summary>Plain tables only: no default the database fills in, nothing computed, no owned or split rows.</summary>
    private static bool Handles(IEntityType type) =>
        type.GetTableName() is not null && type.GetViewName() is null && !type.IsOwned() && type.BaseType is null
        && type.GetProperties().All(p => p.GetDefaultValueSql() is null && !p.TryGetDefaultValue(out _) && p.GetComputedColumnSql() is null);

    /// <summary>The types in an order where every row's principal is inserted before it (null for a cycle).</summary>
    private static List<IEntityType>? InsertOrder(List<IEntityType> types)
    {
        var order = new List<IEntityType>();
        var left = new List<IEntityType>(types);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !left.Contains(fk.PrincipalEntityType)));
            if (next is null) return null;
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }
}
