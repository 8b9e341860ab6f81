using System.Data;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// Bench set-up for the read side of the books: balanced two-line entries (claims owed to facilities)
/// bulk-loaded straight into the journal tables, numbered apart from the API's own numbers.
/// </summary>
public static class Journal
{
    public static async Task FillAsync(string connectionString, long lines, DateOnly lastDay)
    {
        if (lines <= 0) return;
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        const int batch = 50_000;
        var random = new Random(42);
        for (long done = 0; done < lines; done += batch * 2)
        {
            var entries = NewTable(("Id", typeof(string)), ("Number", typeof(string)), ("Date", typeof(DateTime)), ("Period", typeof(int)),
                ("Description", typeof(string)), ("SourceType", typeof(string)), ("SourceId", typeof(string)), ("ReversesEntryId", typeof(string)),
                ("CorrectsPeriod", typeof(int)), ("PostedUtc", typeof(DateTime)), ("PostedBy", typeof(string)));
            var journalLines = NewTable(("EntryId", typeof(string)), ("LineNo", typeof(int)), ("AccountCode", typeof(string)), ("Debit", typeof(decimal)),
                ("Credit", typeof(decimal)), ("FacilityCode", typeof(string)), ("Date", typeof(DateTime)), ("Period", typeof(int)));
            for (var i = 0; i < batch && done + (i * 2) < lines; i++)
            {
                var id = Guid.CreateVersion7().ToString();
                var day = new DateOnly(lastDay.Year, 1, 1).AddDays(random.Next(lastDay.DayOfYear));
                var period = (day.Year * 100) + day.Month;
                var amount = Math.Round((decimal)(random.NextDouble() * 3000) + 10m, 2);
                var facility = $"V{random.Next(1, 150):0000}";
                var date = day.ToDateTime(TimeOnly.MinValue);
                entries.Rows.Add(id, $"BENCH-{done + i:0000000000}", date, period, "即时结报（基准数据）", "claim", $"BENCH-{done + i}", DBNull.Value, DBNull.Value, DateTime.UtcNow, "bench");
                journalLines.Rows.Add(id, 1, "5002.01", amount, 0m, DBNull.Value, date, period);
                journalLines.Rows.Add(id, 2, "2001", 0m, amount, facility, date, period);
            }
            await new MySqlBulkCopy(connection) { DestinationTableName = "journal_entries", BulkCopyTimeout = 600 }.WriteToServerAsync(entries);
            await new MySqlBulkCopy(connection) { DestinationTableName = "journal_lines", BulkCopyTimeout = 600 }.WriteToServerAsync(journalLines);
        }
    }

    private static DataTable NewTable(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns) table.Columns.Add(name, type);
        return table;
    }
}
