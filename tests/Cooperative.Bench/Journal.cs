using System.Data;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// Bench set-up for the read side of the books: balanced two-line entries of the shape a facility's direct settlement
/// posts (Dr the claim expense of the visit and the facility's level, Cr 2001 owed to that facility), bulk-loaded
/// straight into the journal tables as the application stores them (see <see cref="Books"/>): numbered out of the
/// journal sequence, each entry with LineCount 2, its lines loaded after the entries (the guard trigger admits two
/// lines each). Source ids BENCH-n: no claim stands behind them.
/// </summary>
public static class Journal
{
    private static readonly (string Name, Type Type)[] EntryColumns =
    [
        ("Id", typeof(string)), ("Number", typeof(string)), ("Date", typeof(DateTime)), ("Period", typeof(int)), ("Description", typeof(string)),
        ("SourceType", typeof(string)), ("SourceId", typeof(string)), ("ReversesEntryId", typeof(string)), ("CorrectsPeriod", typeof(int)),
        ("PostedUtc", typeof(DateTime)), ("PostedBy", typeof(string)), ("IdempotencyKey", typeof(string)), ("LineCount", typeof(int)),
        ("RequestHash", typeof(string)),
    ];

    private static readonly (string Name, Type Type)[] LineColumns =
    [
        ("EntryId", typeof(string)), ("LineNo", typeof(int)), ("AccountCode", typeof(string)), ("Debit", typeof(decimal)), ("Credit", typeof(decimal)),
        ("FacilityCode", typeof(string)), ("Date", typeof(DateTime)), ("Period", typeof(int)),
    ];

    /// <summary>
    /// Adds entries of two lines each until at least <paramref name="lines"/> more lines are in the books, posted over
    /// this year up to <paramref name="lastDay"/> in the county's working hours, numbered in posting order, each id a
    /// version 7 GUID of its posting time (as the application makes them, so ids ascend with time).
    /// </summary>
    /// <remarks>
    /// The guard trigger runs for every line (about ten times the cost of the row itself on this machine), so the
    /// fill is two loaders, one per core: the first half of the year and the second, whose ids do not interleave.
    /// The trigger counts an entry's lines with a locking read, which locks the gap up to the next line in the
    /// primary key; the second half's first entry is committed alone first, so that the first loader's gaps end at
    /// it and neither loader ever waits on a gap the other is inserting into.
    /// </remarks>
    public static async Task FillAsync(string connectionString, long lines, DateOnly lastDay)
    {
        if (lines <= 0) return;
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true };
        var facilities = new List<(string Code, FacilityLevel Level)>();
        long firstNumber;
        var entries = (lines + 1) / 2;
        await using (var connection = new MySqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var cmd = new MySqlCommand("SELECT Code, Level FROM facilities ORDER BY Code", connection))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) facilities.Add((reader.GetString(0), Enum.Parse<FacilityLevel>(reader.GetString(1))));
            if (facilities.Count == 0) throw new InvalidOperationException("no facilities in the register");
            firstNumber = await Books.ReserveAsync(connection, "journal", lastDay.Year, entries);
        }
        var plan = new Plan(lastDay, entries, firstNumber, facilities);
        var half = entries / 2;
        if (half == 0)
        {
            await LoadAsync(builder.ConnectionString, plan, 0, entries, seed: 42);
            return;
        }
        await LoadAsync(builder.ConnectionString, plan, half, half + 1, seed: 41); // the fence between the halves
        await Task.WhenAll(
            Task.Run(() => LoadAsync(builder.ConnectionString, plan, 0, half, seed: 42)),
            Task.Run(() => LoadAsync(builder.ConnectionString, plan, half + 1, entries, seed: 43)));
    }

    /// <summary>Where the k-th entry of the fill goes: its posting time (entries spread evenly over the days), number, facility.</summary>
    private sealed record Plan(DateOnly LastDay, long Entries, long FirstNumber, List<(string Code, FacilityLevel Level)> Facilities)
    {
        public DateTime PostedUtc(long k)
        {
            var days = (long)LastDay.DayOfYear;
            var day = new DateOnly(LastDay.Year, 1, 1).AddDays((int)(k * days / Entries));
            var within = (double)(k * days % Entries) / Entries;
            // 08:30 to 17:30 in the county (UTC+8): 00:30 to 09:30 UTC of the same date.
            return day.ToDateTime(new TimeOnly(0, 30), DateTimeKind.Utc).AddHours(within * 9);
        }
    }

    /// <summary>Entries [from, to) of the plan on a connection of its own, in batches: each batch's entries, then their lines.</summary>
    private static async Task LoadAsync(string connectionString, Plan plan, long from, long to, int seed)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        const int batch = 50_000;
        var random = new Random(seed);
        var year = plan.LastDay.Year;
        for (var start = from; start < to; start += batch)
        {
            var entryTable = NewTable(EntryColumns);
            var lineTable = NewTable(LineColumns);
            for (var k = start; k < Math.Min(to, start + batch); k++)
            {
                var posted = plan.PostedUtc(k);
                var id = Guid.CreateVersion7(new DateTimeOffset(posted)).ToString();
                var date = posted.Date;
                var period = (date.Year * 100) + date.Month;
                var (facility, level) = plan.Facilities[random.Next(plan.Facilities.Count)];
                var visit = random.Next(25) == 0 ? VisitType.Inpatient : VisitType.Outpatient;
                var amount = visit == VisitType.Inpatient
                    ? Math.Round((decimal)(random.NextDouble() * 8000) + 300m, 2)
                    : Math.Round((decimal)(random.NextDouble() * 150) + 5m, 2);
                var source = $"BENCH-{k + 1}";
                entryTable.Rows.Add(id, Books.EntryNumber(year, plan.FirstNumber + k), date, period, $"即时结报补偿 {source}", "claim", source,
                    DBNull.Value, DBNull.Value, posted, Books.Poster, DBNull.Value, 2, DBNull.Value);
                lineTable.Rows.Add(id, 1, ChartOfAccounts.ClaimExpense(BenefitKinds.General(visit), level), amount, 0m, DBNull.Value, date, period);
                lineTable.Rows.Add(id, 2, ChartOfAccounts.PayableToFacilities, 0m, amount, facility, date, period);
            }
            // The entries first: a line is admitted only into an entry that exists and has fewer lines than its LineCount.
            await Copy(connection, "journal_entries", entryTable);
            await Copy(connection, "journal_lines", lineTable);
        }
    }

    /// <summary>
    /// Bulk copy with every column mapped by name (the tables' own order may change with a migration), one statement
    /// and so one transaction: a deadlock rolls all of it back, and it is copied again.
    /// </summary>
    private static async Task Copy(MySqlConnection connection, string table, DataTable rows)
    {
        var copy = new MySqlBulkCopy(connection) { DestinationTableName = table, BulkCopyTimeout = 600 };
        for (var i = 0; i < rows.Columns.Count; i++) copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, rows.Columns[i].ColumnName));
        MySqlBulkCopyResult result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await copy.WriteToServerAsync(rows);
                break;
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout && attempt < 3)
            {
                Console.WriteLine($"  {table}: {e.Message}; copying the batch again");
            }
        }
        if (result.RowsInserted != rows.Rows.Count)
            throw new InvalidOperationException($"{table}: {result.RowsInserted} of {rows.Rows.Count} rows inserted ({string.Join("; ", result.Warnings.Select(w => w.Message))})");
    }

    private static DataTable NewTable((string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns) table.Columns.Add(name, type);
        return table;
    }
}
