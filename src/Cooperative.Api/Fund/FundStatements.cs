using Cooperative.Api.Data;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>The fund's income and expenditure statement (基金收支表), shared by the ledger reports and the public disclosure.</summary>
public static class FundStatements
{
    /// <summary>For a month of a year, or for the whole year when <paramref name="month"/> is null.</summary>
    public static async Task<IncomeStatementResponse> IncomeStatementAsync(CooperativeDbContext db, int year, int? month, CancellationToken ct)
    {
        var lines = db.JournalLines.AsNoTracking();
        lines = month is { } m ? lines.Where(l => l.Period == (year * 100) + m)
            : lines.Where(l => l.Period >= year * 100 && l.Period <= (year * 100) + 12);
        var sums = (await LedgerSums.ByAccountAsync(db, lines, ct)).ToDictionary(s => s.AccountCode);
        List<StatementLine> Of(AccountType type) => ChartOfAccounts.All.Where(a => a.Type == type)
            .Select(a => new StatementLine(a.Code, a.Name, sums.TryGetValue(a.Code, out var s)
                ? (type == AccountType.Income ? s.Credit - s.Debit : s.Debit - s.Credit) : 0m)).ToList();
        var income = Of(AccountType.Income);
        var expenditure = Of(AccountType.Expense);
        return new IncomeStatementResponse(month is { } mm ? $"{year:0000}-{mm:00}" : $"{year}",
            income, income.Sum(l => l.Amount), expenditure, expenditure.Sum(l => l.Amount),
            income.Sum(l => l.Amount) - expenditure.Sum(l => l.Amount));
    }

    /// <summary>What the fund holds at the end of a day: its assets less what it owes (bank and receivables less payables).</summary>
    public static async Task<decimal> NetAssetsAsync(Balances balances, DateOnly at, CancellationToken ct)
    {
        var accounts = await balances.AtAsync(at, ct);
        return accounts.Where(a => a.Type == AccountType.Asset).Sum(a => a.Balance) -
               accounts.Where(a => a.Type == AccountType.Liability).Sum(a => a.Balance);
    }
}
