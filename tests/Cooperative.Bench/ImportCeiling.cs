using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cooperative.Domain.Enrollment;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// The import ceiling: the rows a register import stores (Enrollment/RegisterWriter.cs: persons, households and
/// memberships with the same columns and values, ids made as the importer makes them, each table's rows in key order)
/// written by MySqlBulkCopy alone into copies of the real tables made with <c>CREATE TABLE ... LIKE</c> (same columns
/// and indexes, no foreign keys), in one transaction with foreign key checks off as the import's. The copies are kept
/// across the townships, so that they grow as the real tables do. Timed from the transaction's start to its commit:
/// the rows are laid out before (the import's file reading, checks, lookups and planning are the API's work).
/// The import's one audit record for the file is not copied.
/// </summary>
public sealed class ImportCeiling(string db)
{
    private static readonly string[] Tables = ["persons", "households", "memberships"];

    private static string Copy(string table) => $"bench_copy_{table}";

    public async Task PrepareAsync()
    {
        await DropAsync();
        await Ceilings.ExecAsync(db, string.Concat(Tables.Select(t => $"CREATE TABLE {Copy(t)} LIKE {t};\n")));
    }

    public Task DropAsync() => Ceilings.ExecAsync(db, $"DROP TABLE IF EXISTS {string.Join(", ", Tables.Select(Copy))}");

    /// <summary>Copies the register file's rows; returns how many persons and how long the database took.</summary>
    public async Task<(int Persons, double Seconds)> CopyAsync(string registerCsv, DateOnly today)
    {
        var (persons, households, memberships) = Layout(await File.ReadAllTextAsync(registerCsv, Encoding.UTF8), today, DateTime.UtcNow);
        var builder = new MySqlConnectionStringBuilder(db) { AllowLoadLocalInfile = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var started = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecAsync(connection, transaction, "SET foreign_key_checks = 0");
            foreach (var rows in new[] { persons, households, memberships }) await BulkAsync(connection, transaction, rows);
            await ExecAsync(connection, transaction, "SET foreign_key_checks = 1");
            await transaction.CommitAsync();
        }
        var seconds = started.Elapsed.TotalSeconds;
        var count = persons.Rows.Count;
        persons.Dispose();
        households.Dispose();
        memberships.Dispose();
        return (count, seconds);
    }

    /// <summary>The importer's rows for a register as the generator writes it (every person new, grouped by household card).</summary>
    private static (DataTable Persons, DataTable Households, DataTable Memberships) Layout(string csv, DateOnly today, DateTime nowUtc)
    {
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var missing = RegisterColumns.Missing(lines[0].Split(','), out var at);
        if (missing.Count > 0) throw new InvalidOperationException($"register without columns {string.Join(", ", missing)}");
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(c => at.Select(p => c[p]).ToArray()).ToList();
        string Cell(string[] row, string column) => row[RegisterColumns.All.ToList().IndexOf(column)].Trim();

        var persons = new List<object?[]>();
        var households = new List<object?[]>();
        var memberships = new List<object?[]>();
        foreach (var household in rows.GroupBy(r => Cell(r, RegisterColumns.CardNumber), StringComparer.Ordinal))
        {
            var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
            var joining = new List<(Guid Person, string Relationship)>();
            foreach (var row in household)
            {
                var id = Guid.CreateVersion7();
                ids[Cell(row, RegisterColumns.IdNumber)] = id;
                var gender = RegisterRowParser.ParseGender(Cell(row, RegisterColumns.Gender)) ?? throw new InvalidOperationException("gender");
                if (!PersonCategories.TryParse(Cell(row, RegisterColumns.Category), out var category)) throw new InvalidOperationException("category");
                if (!Relationships.TryParse(Cell(row, RegisterColumns.Relationship), out var relationship)) throw new InvalidOperationException("relationship");
                persons.Add([id.ToString(), Cell(row, RegisterColumns.IdNumber), Cell(row, RegisterColumns.Name), gender.ToString(),
                    DateOnly.ParseExact(Cell(row, RegisterColumns.BirthDate), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    category.ToString(), PersonStatus.Active.ToString(), null, nowUtc]);
                joining.Add((id, relationship.ToString()));
            }
            var first = household.First();
            var householdId = Guid.CreateVersion7();
            households.Add([householdId.ToString(), Cell(first, RegisterColumns.CardNumber), ids[Cell(first, RegisterColumns.HeadIdNumber)].ToString(),
                Cell(first, RegisterColumns.TownshipCode), Cell(first, RegisterColumns.VillageCode), null, nowUtc]);
            memberships.AddRange(joining.Select(j => new object?[]
            {
                Guid.CreateVersion7().ToString(), j.Person.ToString(), householdId.ToString(), j.Relationship,
                today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null,
            }));
        }
        return (
            Rows(Copy("persons"), persons, "Id", "IdNumber", "Name", "Gender", "BirthDate", "Category", "Status", "StatusSince", "RegisteredUtc"),
            Rows(Copy("households"), households, "Id", "CardNumber", "HeadPersonId", "TownshipCode", "VillageCode", "Address", "RegisteredUtc"),
            Rows(Copy("memberships"), memberships, "Id", "PersonId", "HouseholdId", "Relationship", "From", "To"));
    }

    /// <summary>As MySqlTableWriter.Rows: object columns, rows in primary key order (as stored, char(36)).</summary>
    private static DataTable Rows(string table, List<object?[]> rows, params string[] columns)
    {
        var data = new DataTable(table) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns) data.Columns.Add(column, typeof(object));
        data.BeginLoadData();
        foreach (var row in rows.OrderBy(r => (string)r[0]!, StringComparer.Ordinal)) data.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        data.EndLoadData();
        return data;
    }

    private static async Task BulkAsync(MySqlConnection connection, MySqlTransaction transaction, DataTable rows)
    {
        var copy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = $"`{rows.TableName}`", BulkCopyTimeout = 600 };
        for (var i = 0; i < rows.Columns.Count; i++) copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, rows.Columns[i].ColumnName));
        var result = await copy.WriteToServerAsync(rows);
        if (result.RowsInserted != rows.Rows.Count || result.Warnings.Count > 0)
            throw new InvalidOperationException($"{rows.TableName}: {result.RowsInserted} of {rows.Rows.Count} rows; {string.Join("; ", result.Warnings.Select(w => w.Message))}");
    }

    private static async Task ExecAsync(MySqlConnection connection, MySqlTransaction transaction, string sql)
    {
        await using var command = new MySqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
