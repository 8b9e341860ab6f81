using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

public sealed record FacilityPayment(string FacilityCode, decimal Owed, decimal Paid, string? EntryNumber);

public sealed record FacilityStatement(string FacilityCode, string Period, decimal Opening, decimal Claims, decimal Penalties,
    decimal Payments, decimal Other, decimal Closing);

/// <summary>
/// Monthly settlement with the facilities (月度结算): what the fund owes each facility for its direct settlements
/// up to the month's end, less penalties, is paid from the bank and posted. Settling a month twice pays nothing twice.
/// </summary>
public sealed class FacilitySettlement(CooperativeDbContext db, FundLedger ledger, TimeProvider clock)
{
    public const string SourceType = "facility-settlement";

    public async Task<(List<FacilityPayment>? Payments, string? Code, string? Message)> SettleAsync(int period, CancellationToken ct)
    {
        var end = LedgerPeriod.EndOf(period);
        var today = clock.Today();
        if (today <= end) return (null, "period_not_ended", $"{LedgerPeriod.Format(period)} 尚未结束，不能结算");
        var owed = await LedgerSums.ByAccountAndFacilityAsync(db,
            db.JournalLines.AsNoTracking().Where(l => l.AccountCode == ChartOfAccounts.PayableToFacilities && l.FacilityCode != null && l.Date <= end), ct);
        var prefix = $"{LedgerPeriod.Format(period)}:";
        var done = await db.JournalEntries.AsNoTracking().Where(e => e.SourceType == SourceType && e.SourceId.StartsWith(prefix))
            .Select(e => e.SourceId).ToListAsync(ct);
        var payments = new List<FacilityPayment>();
        foreach (var sum in owed.OrderBy(s => s.FacilityCode))
        {
            var balance = sum.Credit - sum.Debit;
            var sourceId = prefix + sum.FacilityCode;
            if (balance <= 0 || done.Contains(sourceId))
            {
                payments.Add(new FacilityPayment(sum.FacilityCode!, balance, 0m, null));
                continue;
            }
            var posted = await ledger.PostAsync(new JournalDraft(today, $"支付 {sum.FacilityCode} {LedgerPeriod.Format(period)} 即时结报垫付款",
                SourceType, sourceId,
                [JournalLineDraft.Dr(ChartOfAccounts.PayableToFacilities, balance, sum.FacilityCode), JournalLineDraft.Cr(ChartOfAccounts.Bank, balance)]), ct);
            if (!posted.Succeeded) return (null, posted.ErrorCode, posted.Message);
            payments.Add(new FacilityPayment(sum.FacilityCode!, balance, balance, posted.Entry!.Number));
        }
        await db.SaveChangesAsync(ct);
        return (payments, null, null);
    }

    /// <summary>A facility's account with the fund for one month.</summary>
    public async Task<FacilityStatement> StatementAsync(string facilityCode, int period, CancellationToken ct)
    {
        var start = LedgerPeriod.StartOf(period);
        var end = LedgerPeriod.EndOf(period);
        var rows = await db.JournalLines.AsNoTracking()
            .Where(l => l.AccountCode == ChartOfAccounts.PayableToFacilities && l.FacilityCode == facilityCode && l.Date <= end)
            .Join(db.JournalEntries, l => l.EntryId, e => e.Id, (l, e) => new { l.Date, l.Debit, l.Credit, e.SourceType })
            .ToListAsync(ct);
        var opening = rows.Where(r => r.Date < start).Sum(r => r.Credit - r.Debit);
        var month = rows.Where(r => r.Date >= start).ToList();
        var claims = month.Where(r => r.SourceType is "claim" or "claim-reversal").Sum(r => r.Credit - r.Debit);
        var penalties = month.Where(r => r.SourceType == "penalty").Sum(r => r.Debit - r.Credit);
        var payments = month.Where(r => r.SourceType == SourceType).Sum(r => r.Debit - r.Credit);
        var closing = opening + month.Sum(r => r.Credit - r.Debit);
        return new FacilityStatement(facilityCode, LedgerPeriod.Format(period), opening, claims, penalties, payments,
            closing - opening - claims + penalties + payments, closing);
    }
}
