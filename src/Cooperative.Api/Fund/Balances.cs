using Cooperative.Api.Data;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>One account's position at a date: cumulative debits and credits and the balance on its normal side.</summary>
public sealed record AccountBalance(string Code, string Name, AccountType Type, decimal Debit, decimal Credit)
{
    /// <summary>余额 on the account's normal side (debit for assets and expenses, credit for the others).</summary>
    public decimal Balance => ChartOfAccounts.Find(Code)?.IsDebitNormal ?? true ? Debit - Credit : Credit - Debit;
}

/// <summary>Balances at a date: the latest closed period's snapshot plus the lines after it.</summary>
public sealed class Balances(CooperativeDbContext db)
{
    public async Task<List<AccountBalance>> AtAsync(DateOnly date, CancellationToken ct)
    {
        var snapshotPeriod = await db.LedgerPeriods.AsNoTracking()
            .Where(p => p.IsClosed && p.Period < LedgerPeriod.KeyOf(date))
            .OrderByDescending(p => p.Period).Select(p => (int?)p.Period).FirstOrDefaultAsync(ct);
        var totals = new Dictionary<string, (decimal Debit, decimal Credit)>(StringComparer.Ordinal);
        if (snapshotPeriod is { } period)
        {
            foreach (var s in await db.PeriodBalances.AsNoTracking().Where(b => b.Period == period).ToListAsync(ct))
                totals[s.AccountCode] = (s.Debit, s.Credit);
        }
        var after = snapshotPeriod is { } p2 ? LedgerPeriod.EndOf(p2) : DateOnly.MinValue;
        var lines = db.JournalLines.AsNoTracking().Where(l => l.Date > after && l.Date <= date);
        foreach (var sum in await LedgerSums.ByAccountAsync(db, lines, ct))
        {
            var (d, c) = totals.GetValueOrDefault(sum.AccountCode);
            totals[sum.AccountCode] = (d + sum.Debit, c + sum.Credit);
        }
        return ChartOfAccounts.All
            .Select(a => totals.TryGetValue(a.Code, out var t)
                ? new AccountBalance(a.Code, a.Name, a.Type, t.Debit, t.Credit)
                : new AccountBalance(a.Code, a.Name, a.Type, 0m, 0m))
            .ToList();
    }
}
