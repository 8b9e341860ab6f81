using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>
/// The one-off carry-over of books kept before advance receipts were held apart (<c>carry-over-advance-income</c>):
/// the contributions and subsidies of every receipt issued before its fund year began, booked then as income, are
/// moved to the year's advance accounts by one entry per fund year (source <c>advance-carry-over</c>): dated the
/// last day of the year before when that month is still open, otherwise today in the open month, naming the closed
/// month and taking the amount from the pooled fund (3001, the earlier years' surplus it had swollen). Then the fund
/// year's income is recognised as for new receipts. Run twice, it moves nothing twice.
/// </summary>
public sealed class AdvanceIncomeCarryOver(CooperativeDbContext db, FundLedger ledger, FundYearIncome yearIncome, TimeProvider clock)
{
    public const string SourceType = "advance-carry-over";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var done = new List<string>();
        var incomeCodes = ChartOfAccounts.AdvanceIncome.Select(a => a.Income).ToList();
        var early = await (from r in db.Receipts.AsNoTracking()
                           where r.JournalEntryId != null
                           join l in db.JournalLines.AsNoTracking() on r.JournalEntryId equals l.EntryId
                           where incomeCodes.Contains(l.AccountCode)
                           select new { r.FundYear, r.IssuedOn, l.AccountCode, l.Credit, l.Debit }).ToListAsync(ct);
        foreach (var year in early.Where(e => e.IssuedOn < new DateOnly(e.FundYear, 1, 1)).GroupBy(e => e.FundYear).OrderBy(g => g.Key))
        {
            var sourceId = year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await db.JournalEntries.AnyAsync(e => e.SourceType == SourceType && e.SourceId == sourceId, ct)) continue;
            var yearEnd = new DateOnly(year.Key - 1, 12, 31);
            var closed = await db.LedgerPeriods.AsNoTracking().Where(p => p.IsClosed).MaxAsync(p => (int?)p.Period, ct);
            var open = closed is not { } c || c < LedgerPeriod.KeyOf(yearEnd);
            var lines = new List<JournalLineDraft>();
            foreach (var (advance, income) in ChartOfAccounts.AdvanceIncome)
            {
                var amount = year.Where(l => l.AccountCode == income).Sum(l => l.Credit - l.Debit);
                if (amount <= 0) continue;
                lines.Add(JournalLineDraft.Dr(open ? income : ChartOfAccounts.PooledFund, amount));
                lines.Add(JournalLineDraft.Cr(advance, amount));
            }
            if (lines.Count == 0) continue;
            var date = open ? (yearEnd < clock.Today() ? yearEnd : clock.Today()) : clock.Today();
            var posted = await ledger.PostAsync(new JournalDraft(date, $"{year.Key} 年度提前收取的参合缴费和财政补助转为预收款（旧账调整）",
                SourceType, sourceId, lines) { CorrectsPeriod = open ? null : LedgerPeriod.Format(LedgerPeriod.KeyOf(yearEnd)) }, ct);
            if (!posted.Succeeded) throw new InvalidOperationException($"Carrying {year.Key} over failed: {posted.Message}");
            await db.SaveChangesAsync(ct);
            done.Add($"{year.Key}: {posted.Entry!.Number}");
            if (await yearIncome.RecognizeAsync(year.Key, ct) is { } recognized) done.Add($"{year.Key} income: {recognized.Number}");
        }
        return done;
    }

    public const string CommandName = "carry-over-advance-income";

    /// <summary>The command: prepares the database, carries over, prints the entries it posted.</summary>
    public static async Task<int> RunCommandAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var posted = await scope.ServiceProvider.GetRequiredService<AdvanceIncomeCarryOver>().RunAsync(CancellationToken.None);
        Console.WriteLine(posted.Count == 0 ? "没有需要调整的旧账。" : string.Join(Environment.NewLine, posted));
        return 0;
    }
}
