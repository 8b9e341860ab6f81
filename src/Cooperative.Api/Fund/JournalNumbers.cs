using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Cooperative.Api.Fund;

/// <summary>
/// Hands out journal entry numbers per year. On MariaDB/MySQL numbers are reserved in blocks on a connection
/// of their own, committed at once, so that concurrent postings never queue behind one counter row for the
/// length of their transactions; the price is a gap where a posting fails or the process stops with numbers
/// unused. Numbers never repeat (a unique index also guards them). On SQLite (one writer at a time) the next
/// number is read inside the posting's own transaction.
/// </summary>
public sealed class JournalNumberAllocator : IDisposable
{
    private const int BlockSize = 50;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, (long Next, long End)> _blocks = [];

    public async Task<long> TakeAsync(CooperativeDbContext db, int year, CancellationToken ct)
    {
        if (!db.Database.IsMySql()) return await NextOnSqliteAsync(db, year, ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (!_blocks.TryGetValue(year, out var block) || block.Next >= block.End)
                block = await ReserveBlockAsync(db.Database.GetConnectionString()!, year, ct);
            _blocks[year] = (block.Next + 1, block.End);
            return block.Next;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<(long Next, long End)> ReserveBlockAsync(string connectionString, int year, CancellationToken ct)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO journal_sequences (`Year`, `Next`) VALUES (@year, 1) ON DUPLICATE KEY UPDATE `Year` = `Year`;
            UPDATE journal_sequences SET `Next` = LAST_INSERT_ID(`Next` + @size) WHERE `Year` = @year;
            SELECT LAST_INSERT_ID();
            """;
        command.Parameters.AddWithValue("@year", year);
        command.Parameters.AddWithValue("@size", BlockSize);
        var end = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return (end - BlockSize, end);
    }

    private static async Task<long> NextOnSqliteAsync(CooperativeDbContext db, int year, CancellationToken ct)
    {
        var prefix = $"记-{year}-";
        var last = await db.JournalEntries.Where(e => e.Number.StartsWith(prefix))
            .OrderByDescending(e => e.Number).Select(e => e.Number).FirstOrDefaultAsync(ct);
        var pending = db.ChangeTracker.Entries<JournalEntry>().Count(e => e.State == EntityState.Added && e.Entity.Date.Year == year);
        return (last is null ? 0 : long.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)) + pending + 1;
    }
}
