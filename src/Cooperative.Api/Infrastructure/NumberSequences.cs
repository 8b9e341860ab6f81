using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Infrastructure;

/// <summary>A named yearly counter (journal entries, claims, receipts...).</summary>
public sealed class NumberSequence
{
    public required string Name { get; init; }
    public required int Year { get; init; }
    public long Next { get; set; } = 1;
}

/// <summary>
/// Hands out numbers per name and year. On MariaDB/MySQL numbers are reserved in blocks on a connection of
/// their own, committed at once, so that concurrent transactions never queue behind one counter row for their
/// whole length; the price is a gap where a transaction fails or the process stops with numbers unused (a block of
/// one for paper documents such as receipts, where every unused number is a voided form to account for).
/// Numbers never repeat (unique indexes also guard them). On SQLite (one writer at a time) the counter is
/// moved by one statement inside the caller's transaction when there is one (a rollback then takes the number back;
/// without one, as on MariaDB, a failure leaves a gap).
/// </summary>
public sealed class SequenceAllocator : IDisposable
{
    /// <summary>Numbers reserved at a time unless the caller says otherwise.</summary>
    public const int DefaultBlock = 50;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Name, int Year), (long Next, long End)> _blocks = [];

    public async Task<long> TakeAsync(CooperativeDbContext db, string name, int year, CancellationToken ct, int block = DefaultBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 1);
        if (!db.Database.IsMySql()) return await TakeInTransactionAsync(db, name, year, ct);
        var connectionString = db.Database.GetConnectionString()!;
        // One at a time: nothing to keep between calls, so no reason to queue behind the other sequences' refills.
        if (block == 1) return (await ReserveBlockAsync(connectionString, name, year, 1, ct)).Next;
        await _gate.WaitAsync(ct);
        try
        {
            if (!_blocks.TryGetValue((name, year), out var reserved) || reserved.Next >= reserved.End)
                reserved = await ReserveBlockAsync(connectionString, name, year, block, ct);
            _blocks[(name, year)] = (reserved.Next + 1, reserved.End);
            return reserved.Next;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<(long Next, long End)> ReserveBlockAsync(string connectionString, string name, int year, int size,
        CancellationToken ct)
    {
        // On a Galera cluster two nodes moving one counter at once conflict at commit: the loser moves it again (its
        // block then starts after the winner's), so numbers stay unique across nodes.
        var end = Convert.ToInt64(await ConflictRetry.RunAsync(() => SideConnection.ExecuteScalarAsync(connectionString, """
            INSERT INTO number_sequences (`Name`, `Year`, `Next`) VALUES (@name, @year, 1) ON DUPLICATE KEY UPDATE `Year` = `Year`;
            UPDATE number_sequences SET `Next` = LAST_INSERT_ID(`Next` + @size) WHERE `Name` = @name AND `Year` = @year;
            SELECT LAST_INSERT_ID();
            """, ct, ("@name", name), ("@year", year), ("@size", size)), ct), System.Globalization.CultureInfo.InvariantCulture);
        return (end - size, end);
    }

    private static async Task<long> TakeInTransactionAsync(CooperativeDbContext db, string name, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"INSERT OR IGNORE INTO number_sequences (Name, Year, Next) VALUES ({name}, {year}, 1)", ct);
        // One statement moves the counter and reads it: two callers can never read the same number.
        var taken = await db.Database
            .SqlQuery<long>($"UPDATE number_sequences SET Next = Next + 1 WHERE Name = {name} AND Year = {year} RETURNING Next - 1 AS Value")
            .ToListAsync(ct);
        return taken[0];
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("number_sequences");
        b.HasKey(s => new { s.Name, s.Year });
        b.Property(s => s.Name).HasMaxLength(32);
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}
