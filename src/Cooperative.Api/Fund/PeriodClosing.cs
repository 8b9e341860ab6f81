using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record ClosingResult(int Period, decimal Income, decimal RiskReserve, string? ReserveEntryNumber);

/// <summary>
/// Closes a month (月末结账): sets aside the risk reserve share of the month's income, freezes the month and
/// writes the balance snapshot that later balances start from. Months close in order and only once ended.
/// </summary>
public sealed class PeriodClosing(CooperativeDbContext db, FundLedger ledger, IPolicyStore policies, FundYearIncome yearIncome,
    Audit.ICurrentActor actor, TimeProvider clock)
{
    public async Task<(ClosingResult? Result, string? Code, string? Message)> CloseAsync(int period, CancellationToken ct)
    {
        var end = LedgerPeriod.EndOf(period);
        if (clock.Today() <= end) return (null, "period_not_ended", $"{LedgerPeriod.Format(period)} 尚未结束，不能结账");
        var earlierOpen = await db.JournalEntries.AsNoTracking().Where(e => e.Period < period)
            .Select(e => e.Period).Distinct()
            .Where(p => !db.LedgerPeriods.Any(lp => lp.Period == p && lp.IsClosed))
            .OrderBy(p => p).FirstOrDefaultAsync(ct);
        if (earlierOpen != 0)
            return (null, "earlier_period_open", $"请先结账 {LedgerPeriod.Format(earlierOpen)}");

        // The year's advance receipts become its income before any of its months is closed.
        await yearIncome.RecognizeAsync(period / 100, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PeriodGuard.LockForCloseAsync(db, period, ct);
        var row = await db.LedgerPeriods.SingleOrDefaultAsync(p => p.Period == period, ct);
        if (row is { IsClosed: true }) return (null, "period_already_closed", $"{LedgerPeriod.Format(period)} 已结账");

        var income = await MonthIncomeAsync(period, ct);
        var policy = await policies.InForceAsync(period / 100, end, ct);
        var reserve = Money.Round(Math.Max(0m, income) * (policy?.RiskReserveShare ?? 0m));
        JournalEntry? reserveEntry = null;
        if (reserve > 0)
        {
            var posted = await ledger.PostAsync(new JournalDraft(end, $"提取 {LedgerPeriod.Format(period)} 风险基金", "risk-reserve",
                LedgerPeriod.Format(period),
                [JournalLineDraft.Dr(ChartOfAccounts.RiskReserveAppropriation, reserve), JournalLineDraft.Cr(ChartOfAccounts.RiskReserve, reserve)]), ct);
            reserveEntry = posted.Entry ?? throw new InvalidOperationException(posted.Message);
            await db.SaveChangesAsync(ct);
        }

        await WriteSnapshotAsync(period, ct);
        row ??= db.LedgerPeriods.Add(new LedgerPeriod { Period = period }).Entity;
        row.Close(clock.GetUtcNow().UtcDateTime, actor.Current.Name);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (new ClosingResult(period, income, reserve, reserveEntry?.Number), null, null);
    }

    private async Task<decimal> MonthIncomeAsync(int period, CancellationToken ct)
    {
        var incomeCodes = ChartOfAccounts.All.Where(a => a.Type == AccountType.Income).Select(a => a.Code).ToList();
        var sums = await LedgerSums.ByAccountAsync(db,
            db.JournalLines.AsNoTracking().Where(l => l.Period == period && incomeCodes.Contains(l.AccountCode)), ct);
        return sums.Sum(s => s.Credit - s.Debit);
    }

    private async Task WriteSnapshotAsync(int period, CancellationToken ct)
    {
        var balances = await new Balances(db).AtAsync(LedgerPeriod.EndOf(period), ct);
        db.PeriodBalances.AddRange(balances.Where(b => b.Debit != 0 || b.Credit != 0)
            .Select(b => new PeriodBalance { Period = period, AccountCode = b.Code, Debit = b.Debit, Credit = b.Credit }));
    }
}
