using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Domain;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Benefits;

public static class PayerPaymentErrors
{
    public const string AmountInvalid = "payer_payment_amount_invalid";
    public const string PeriodNotEnded = "payer_period_not_ended";
    public const string ReceivedInFuture = "payer_payment_in_future";
    public const string ReceivedBeforePeriodEnd = "payer_payment_before_period_end";
    public const string ExceedsReceivable = "payer_payment_exceeds_receivable";
    public const string AlreadyRecorded = "payer_payment_recorded";
}

/// <summary>
/// A payer's money for a month's statement arriving in the bank (回款): Dr 1001 / Cr its receivable, once per payer and
/// month, never more than is owed.
/// </summary>
public static class PayerPayments
{
    /// <summary>What the request says that is wrong whatever the books hold (the dates against today, the amount's form).</summary>
    public static Refusal? Problem(int period, decimal amount, DateOnly receivedOn, DateOnly today)
    {
        var end = LedgerPeriod.EndOf(period);
        if (amount <= 0 || amount > JournalDraft.MaxLineAmount || !Money.IsWholeFen(amount))
            return Refusal.Unprocessable(PayerPaymentErrors.AmountInvalid, "回款金额必须为正数，精确到分", $"回款金额 {amount} 元");
        if (today <= end)
            return Refusal.Unprocessable(PayerPaymentErrors.PeriodNotEnded, "对账月份尚未结束",
                $"{LedgerPeriod.Format(period)} 至 {end:yyyy-MM-dd} 才结束，结束后才能登记该月回款");
        if (receivedOn > today)
            return Refusal.Unprocessable(PayerPaymentErrors.ReceivedInFuture, "到账日期不能晚于今天", $"到账日期 {receivedOn:yyyy-MM-dd}");
        return receivedOn <= end
            ? Refusal.Unprocessable(PayerPaymentErrors.ReceivedBeforePeriodEnd, "到账日期早于对账月份结束",
                $"{LedgerPeriod.Format(period)} 的款项应在 {end:yyyy-MM-dd} 以后到账")
            : null;
    }

    /// <summary>
    /// Inside the posting's transaction: the receivable's row is locked first (MariaDB), so two payments for the same
    /// payer at once are checked one after the other; then one payment per month, and not more than the balance.
    /// </summary>
    public static async Task<Refusal?> BooksProblemAsync(CooperativeDbContext db, Payer payer, int period, decimal amount, CancellationToken ct)
    {
        var account = ChartOfAccounts.ReceivableFrom(payer);
        if (db.Database.IsMySql() && db.Database.CurrentTransaction is not null)
            // A locking read first: the plain reads after it see every payment committed before the lock was granted.
            await db.Database.SqlQueryRaw<string>("SELECT `Code` AS `Value` FROM ledger_accounts WHERE `Code` = {0} FOR UPDATE", account)
                .ToListAsync(ct);
        var sourceId = Payers.PaymentSourceId(payer, period);
        if (await db.JournalEntries.AsNoTracking().Where(e => e.SourceType == Payers.PaymentSource && e.SourceId == sourceId)
                .Select(e => e.Number).FirstOrDefaultAsync(ct) is { } recorded)
            return Refusal.Conflict(PayerPaymentErrors.AlreadyRecorded, $"{Payers.Chinese(payer)} {LedgerPeriod.Format(period)} 的回款已登记",
                $"凭证 {recorded}；每个付款方每月只登记一笔回款，登记有误请冲销该凭证后重新登记");
        var sums = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking().Where(l => l.AccountCode == account), ct);
        var owed = sums.Sum(s => s.Debit - s.Credit);
        return amount <= owed ? null
            : Refusal.Unprocessable(PayerPaymentErrors.ExceedsReceivable, "回款金额超过应收余额",
                $"{ChartOfAccounts.Find(account)!.Name} 应收余额 {owed:0.00} 元，回款 {amount:0.00} 元");
    }

    /// <summary>The entry; the bank slip's number is kept in its description (摘要 of at most 200 characters: a long name is cut).</summary>
    public static JournalDraft Draft(Payer payer, int period, decimal amount, DateOnly receivedOn, string? payerName, string reference)
    {
        var name = payerName ?? Payers.Chinese(payer);
        var from = name.Length <= 80 ? name : name[..80];
        return new(receivedOn, $"{Payers.Chinese(payer)} {LedgerPeriod.Format(period)} 回款：{from}（银行流水号 {reference}）",
            Payers.PaymentSource, Payers.PaymentSourceId(payer, period),
            [JournalLineDraft.Dr(ChartOfAccounts.Bank, amount), JournalLineDraft.Cr(ChartOfAccounts.ReceivableFrom(payer), amount)]);
    }
}
