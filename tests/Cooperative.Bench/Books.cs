using System.Globalization;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// Bench set-up of the fund's books by SQL, stored the way the application stores a posting (FundLedger.PostAsync):
/// entries numbered 记-yyyy-nnnnnn out of the application's own yearly journal sequence (a block reserved the way the
/// API reserves its blocks, so the API's later numbers follow it), each entry with its <c>LineCount</c>, its lines
/// inserted after it (the guard trigger <c>journal_lines_within_line_count</c> admits a line only while the entry
/// has fewer lines than its LineCount), every line with its entry's date and period, and every entry balanced.
/// Set-up rows are posted (and claims submitted) by <see cref="Poster"/>.
/// </summary>
public static class Books
{
    public const string Poster = "bench";

    /// <summary>
    /// Reserves <paramref name="count"/> numbers of a yearly number sequence as the API's SequenceAllocator does
    /// (same statements); returns the first.
    /// </summary>
    public static async Task<long> ReserveAsync(MySqlConnection connection, string name, int year, long count)
    {
        await using var cmd = new MySqlCommand("""
            INSERT INTO number_sequences (`Name`, `Year`, `Next`) VALUES (@name, @year, 1) ON DUPLICATE KEY UPDATE `Year` = `Year`;
            UPDATE number_sequences SET `Next` = LAST_INSERT_ID(`Next` + @size) WHERE `Name` = @name AND `Year` = @year;
            SELECT LAST_INSERT_ID();
            """, connection);
        cmd.Parameters.AddWithValue("@name", name);
        cmd.Parameters.AddWithValue("@year", year);
        cmd.Parameters.AddWithValue("@size", count);
        var end = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return end - count;
    }

    /// <summary>The application's entry number (FundLedger: 记-{year}-{number:000000}).</summary>
    public static string EntryNumber(int year, long number) => string.Create(CultureInfo.InvariantCulture, $"记-{year}-{number:000000}");

    /// <summary>The same number in SQL, of an integer expression (at least six digits, as C#'s "000000").</summary>
    public static string EntryNumberSql(int year, string number) =>
        $"CONCAT('记-{year}-', IF({number} < 1000000, LPAD({number}, 6, '0'), {number}))";

    /// <summary>The application's claim number (ClaimSubmission: BX-{fundYear}-{number:000000}) in SQL.</summary>
    public static string ClaimNumberSql(int year, string number) =>
        $"CONCAT('BX-{year}-', IF({number} < 1000000, LPAD({number}, 6, '0'), {number}))";

    /// <summary>The expense account of a claim (ChartOfAccounts.ClaimExpense) in SQL, from its visit type and facility level columns.</summary>
    public static string ClaimExpenseSql(string benefit, string level) =>
        "CASE " + string.Join(" ",
            from b in Enum.GetValues<BenefitKind>()
            from l in Enum.GetValues<FacilityLevel>()
            select $"WHEN {benefit} = '{b}' AND {level} = '{l}' THEN '{ChartOfAccounts.ClaimExpense(b, l)}'") + " END";

    /// <summary>One line of a posting.</summary>
    public sealed record Line(string AccountCode, decimal Debit, decimal Credit, string? FacilityCode = null);

    /// <summary>Posts one balanced entry by SQL (entry first, then its lines); returns its id.</summary>
    public static async Task<string> PostAsync(MySqlConnection connection, DateOnly date, string description, string sourceType, string sourceId,
        IReadOnlyList<Line> lines)
    {
        if (lines.Sum(l => l.Debit) != lines.Sum(l => l.Credit)) throw new ArgumentException("an entry must balance", nameof(lines));
        var id = Guid.CreateVersion7().ToString();
        var number = await ReserveAsync(connection, "journal", date.Year, 1);
        var period = (date.Year * 100) + date.Month;
        await using (var entry = new MySqlCommand("""
            INSERT INTO journal_entries (Id, Number, Date, Period, Description, SourceType, SourceId, ReversesEntryId, CorrectsPeriod,
              PostedUtc, PostedBy, IdempotencyKey, LineCount, RequestHash)
            VALUES (@id, @number, @date, @period, @description, @sourceType, @sourceId, NULL, NULL, @posted, @by, NULL, @lineCount, NULL)
            """, connection))
        {
            entry.Parameters.AddWithValue("@id", id);
            entry.Parameters.AddWithValue("@number", EntryNumber(date.Year, number));
            entry.Parameters.AddWithValue("@date", date.ToDateTime(TimeOnly.MinValue));
            entry.Parameters.AddWithValue("@period", period);
            entry.Parameters.AddWithValue("@description", description);
            entry.Parameters.AddWithValue("@sourceType", sourceType);
            entry.Parameters.AddWithValue("@sourceId", sourceId);
            entry.Parameters.AddWithValue("@posted", date.ToDateTime(new TimeOnly(2, 0)));
            entry.Parameters.AddWithValue("@by", Poster);
            entry.Parameters.AddWithValue("@lineCount", lines.Count);
            await entry.ExecuteNonQueryAsync();
        }
        for (var i = 0; i < lines.Count; i++)
        {
            await using var line = new MySqlCommand("""
                INSERT INTO journal_lines (EntryId, LineNo, AccountCode, Debit, Credit, FacilityCode, Date, Period)
                VALUES (@id, @no, @account, @debit, @credit, @facility, @date, @period)
                """, connection);
            line.Parameters.AddWithValue("@id", id);
            line.Parameters.AddWithValue("@no", i + 1);
            line.Parameters.AddWithValue("@account", lines[i].AccountCode);
            line.Parameters.AddWithValue("@debit", lines[i].Debit);
            line.Parameters.AddWithValue("@credit", lines[i].Credit);
            line.Parameters.AddWithValue("@facility", (object?)lines[i].FacilityCode ?? DBNull.Value);
            line.Parameters.AddWithValue("@date", date.ToDateTime(TimeOnly.MinValue));
            line.Parameters.AddWithValue("@period", period);
            await line.ExecuteNonQueryAsync();
        }
        return id;
    }

    /// <summary>
    /// Every entry of the books against its lines: how many entries there are, and how many of them do not have
    /// exactly <c>LineCount</c> lines, or do not balance, or carry a line whose date or period is not the entry's.
    /// </summary>
    public static async Task<(long Entries, long Wrong)> CheckAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand("""
            SELECT COUNT(*), COALESCE(SUM(x.wrong), 0) FROM (
              SELECT (e.LineCount IS NULL OR e.LineCount <> COUNT(l.LineNo) OR COALESCE(SUM(l.Debit), 0) <> COALESCE(SUM(l.Credit), 0)
                      OR SUM(l.Date <> e.Date OR l.Period <> e.Period) > 0) AS wrong
              FROM journal_entries e LEFT JOIN journal_lines l ON l.EntryId = e.Id
              GROUP BY e.Id, e.LineCount, e.Date, e.Period) x
            """, connection) { CommandTimeout = 600 };
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
