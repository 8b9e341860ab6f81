using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>
/// A fund year's own income (年度收入确认). Contributions and subsidies collected for a fund year before it begins
/// are held as received in advance (2101.0x / 2102.0x); on the year's first day the system moves what was received
/// in advance into the year's income (Dr advance / Cr 4001.0x / 4101.0x), an entry of its own in the journal
/// (source <c>fund-year-income</c>, id the year). Run again, it posts only what is left (an advance entered late).
/// </summary>
public sealed class FundYearIncome(CooperativeDbContext db, FundLedger ledger, TimeProvider clock)
{
    public const string SourceType = "fund-year-income";

    /// <summary>Recognises the year's advance receipts as its income, once the year has begun; answers the entry or null.</summary>
    public async Task<JournalEntry?> RecognizeAsync(int year, CancellationToken ct)
    {
        var today = clock.Today();
        var start = new DateOnly(year, 1, 1);
        if (today < start) return null;
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.IsMySql())
            await db.Database.SqlQueryRaw<string>("SELECT `Code` AS `Value` FROM ledger_accounts WHERE `Code` = {0} FOR UPDATE",
                ChartOfAccounts.AdvanceContributionIndividual).ToListAsync(ct);
        var advanceCodes = ChartOfAccounts.AdvanceIncome.Select(a => a.Advance).ToList();
        var sourceId = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Received before the year began (earlier years' recognitions, dated before it too, net their own advances out),
        // and what the one-off carry-over of old books moved there for the year.
        var received = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking()
            .Where(l => advanceCodes.Contains(l.AccountCode))
            .Where(l => l.Date < start || db.JournalEntries.Any(e => e.Id == l.EntryId && e.SourceType == AdvanceIncomeCarryOver.SourceType
                                                                      && e.SourceId == sourceId)), ct);
        var recognized = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking()
            .Where(l => advanceCodes.Contains(l.AccountCode))
            .Where(l => db.JournalEntries.Any(e => e.Id == l.EntryId && e.SourceType == SourceType && e.SourceId == sourceId)), ct);
        var lines = new List<JournalLineDraft>();
        foreach (var (advance, income) in ChartOfAccounts.AdvanceIncome)
        {
            var held = received.Where(r => r.AccountCode == advance).Sum(r => r.Credit - r.Debit)
                       - recognized.Where(r => r.AccountCode == advance).Sum(r => r.Debit - r.Credit);
            if (held <= 0) continue;
            lines.Add(JournalLineDraft.Dr(advance, held));
            lines.Add(JournalLineDraft.Cr(income, held));
        }
        if (lines.Count == 0) return null;
        var closed = await db.LedgerPeriods.AsNoTracking().Where(p => p.IsClosed).MaxAsync(p => (int?)p.Period, ct);
        var date = closed is { } c && c >= LedgerPeriod.KeyOf(start) ? today : start;
        var posted = await ledger.PostAsync(new JournalDraft(date, $"{year} 年度预收参合缴费和财政补助转入本年度收入", SourceType, sourceId, lines), ct);
        if (!posted.Succeeded) throw new InvalidOperationException($"Recognising {year}'s income failed: {posted.Message}");
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return posted.Entry;
    }
}

/// <summary>
/// Recognises the current fund year's advance income when the year begins (checked at start and then every
/// <c>Fund:YearCheckMinutes</c>, default 10; 0 leaves it to another instance), as the system, in the audit trail.
/// </summary>
public sealed class FundYearService(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<FundYearService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Fund:YearCheckMinutes", 10.0);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var entry = await scope.ServiceProvider.GetRequiredService<FundYearIncome>().RecognizeAsync(clock.Today().Year, stoppingToken);
                if (entry is not null && log.IsEnabled(LogLevel.Information)) log.LogInformation("Fund year income recognised: {Number}", entry.Number);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Recognising the fund year's income failed; it will be tried again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
