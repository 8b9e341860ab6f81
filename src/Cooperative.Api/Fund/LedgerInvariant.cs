using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record InvariantReport(decimal TotalDebit, decimal TotalCredit, int UnbalancedEntries, int EntriesWithFewerThanTwoLines,
    IReadOnlyList<string> InconsistentSnapshots, bool Holds);

/// <summary>
/// What must always hold (账务平衡检查): total debits equal total credits, every entry balances on its own, and
/// every closed month's snapshot equals the sum of the entries up to its end.
/// </summary>
public sealed class LedgerInvariant(CooperativeDbContext db)
{
    public async Task<InvariantReport> CheckAsync(CancellationToken ct)
    {
        var perEntry = await PerEntryAsync(ct);
        var totalDebit = perEntry.Sum(e => e.Debit);
        var totalCredit = perEntry.Sum(e => e.Credit);
        var unbalanced = perEntry.Count(e => e.Debit != e.Credit);
        var thin = perEntry.Count(e => e.Lines < 2);
        var inconsistent = new List<string>();
        foreach (var period in await db.LedgerPeriods.AsNoTracking().Where(p => p.IsClosed).Select(p => p.Period).ToListAsync(ct))
        {
            var snapshot = await db.PeriodBalances.AsNoTracking().Where(b => b.Period == period).ToDictionaryAsync(b => b.AccountCode, ct);
            var actual = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking().Where(l => l.Date <= LedgerPeriod.EndOf(period)), ct);
            var matches = actual.Count(a => a.Debit != 0 || a.Credit != 0) == snapshot.Count
                && actual.All(a => (a.Debit == 0 && a.Credit == 0) ||
                                   (snapshot.TryGetValue(a.AccountCode, out var s) && s.Debit == a.Debit && s.Credit == a.Credit));
            if (!matches) inconsistent.Add(LedgerPeriod.Format(period));
        }
        return new InvariantReport(totalDebit, totalCredit, unbalanced, thin, inconsistent,
            totalDebit == totalCredit && unbalanced == 0 && thin == 0 && inconsistent.Count == 0);
    }

    private sealed record EntrySum(Guid EntryId, decimal Debit, decimal Credit, int Lines);

    private async Task<List<EntrySum>> PerEntryAsync(CancellationToken ct)
    {
        if (db.Database.IsMySql())
            return await db.JournalLines.AsNoTracking().GroupBy(l => l.EntryId)
                .Select(g => new EntrySum(g.Key, g.Sum(l => l.Debit), g.Sum(l => l.Credit), g.Count())).ToListAsync(ct);
        var rows = await db.JournalLines.AsNoTracking().Select(l => new { l.EntryId, l.Debit, l.Credit }).ToListAsync(ct);
        return rows.GroupBy(l => l.EntryId).Select(g => new EntrySum(g.Key, g.Sum(l => l.Debit), g.Sum(l => l.Credit), g.Count())).ToList();
    }
}
