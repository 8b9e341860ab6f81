using Cooperative.Api.Audit;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <param name="Owed">What the books owe the facility at the month's end (claims less penalties and deductions).</param>
/// <param name="Held">Of that, the claims still under review: not paid until a reviewer approves them.</param>
/// <param name="ClaimsPaid">The claims this payment paid.</param>
/// <param name="Deducted">Money owed back for claims reversed after an earlier payment, netted in this one.</param>
public sealed record FacilityPayment(string FacilityCode, decimal Owed, decimal Held, decimal Paid, string? EntryNumber, int ClaimsPaid,
    decimal Deducted);

public sealed record FacilityStatement(string FacilityCode, string Period, decimal Opening, decimal Claims, decimal Penalties,
    decimal Payments, decimal Other, decimal Closing);

/// <summary>
/// Monthly settlement with the facilities (月度结算): what the fund owes each facility for its direct settlements
/// up to the month's end, less penalties and what was owed back, is paid from the bank and posted; claims held
/// for review wait. The claims paid are marked paid with the payment's entry, and the deductions netted are marked
/// recovered. Settling a month twice pays nothing twice.
/// </summary>
public sealed class FacilitySettlement(CooperativeDbContext db, FundLedger ledger, ICurrentActor actor, TimeProvider clock)
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
        // One transaction: the bank's row is locked by the first payment's funds check, and either every facility is
        // paid or none is (a bank that cannot cover the month refuses it, saying how much is missing).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settledBy = CountyTime.StartUtc(end.AddDays(1));
        var claims = await db.Claims.Where(c => c.Channel == ClaimChannel.Facility && c.SettledUtc < settledBy && c.Reimbursement + c.CatastrophicPaid + c.AssistancePaid > 0
                && (c.Status == ClaimStatus.Settled || c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.UnderReview
                    || (c.RecoveryKind == RecoveryKind.FacilityDeduction && c.RecoveredUtc == null)))
            .Include(c => c.History).ToListAsync(ct);
        var byFacility = claims.ToLookup(c => c.FacilityCode);
        var payments = new List<FacilityPayment>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sum in owed.OrderBy(s => s.FacilityCode))
        {
            var balance = sum.Credit - sum.Debit;
            var mine = byFacility[sum.FacilityCode].ToList();
            var held = mine.Where(c => c.Status == ClaimStatus.UnderReview).Sum(c => c.Payout);
            var payable = balance - held;
            var sourceId = prefix + sum.FacilityCode;
            if (payable <= 0 || done.Contains(sourceId))
            {
                payments.Add(new FacilityPayment(sum.FacilityCode!, balance, held, 0m, null, 0, 0m));
                continue;
            }
            var posted = await ledger.PostAsync(new JournalDraft(today, $"支付 {sum.FacilityCode} {LedgerPeriod.Format(period)} 即时结报垫付款",
                SourceType, sourceId,
                [JournalLineDraft.Dr(ChartOfAccounts.PayableToFacilities, payable, sum.FacilityCode), JournalLineDraft.Cr(ChartOfAccounts.Bank, payable)]), ct);
            if (!posted.Succeeded) return (null, posted.ErrorCode, posted.Message);
            var entry = posted.Entry!;
            var paid = mine.Where(c => c.Status is ClaimStatus.Settled or ClaimStatus.Approved).ToList();
            foreach (var claim in paid)
                claim.RecordPayment(PaymentMethod.BankTransfer, null, entry.Id, now, actor.Current.Name, $"{LedgerPeriod.Format(period)} 月度结算 {entry.Number}");
            var deductions = mine.Where(c => c.RecoveryOutstanding).ToList();
            foreach (var claim in deductions) claim.RecordRecovery(entry.Id, now);
            payments.Add(new FacilityPayment(sum.FacilityCode!, balance, held, payable, entry.Number, paid.Count, deductions.Sum(c => c.RecoveryAmount)));
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (ClaimRaces.IsLost(e))
        {
            return (null, ClaimErrors.WrongState, "结算期间有报销单被同时审核或冲销，请重新结算");
        }
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
