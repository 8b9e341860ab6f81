using ClosedXML.Excel;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Benefits;

/// <summary>Whether a claim's line on a payer's statement is its settlement (+) or the reversal of it (−).</summary>
public enum PayerMovementKind { [Label("结算")] Settlement, [Label("冲销")] Reversal }

/// <summary>
/// One claim's movement of the payer's receivable in the month. Amounts carry the movement's sign (a reversal's are
/// negative), so each column adds up. The payer sees the patient's full name, never his full ID number.
/// </summary>
public sealed record PayerStatementLine(string ClaimNumber, PayerMovementKind Kind, string KindText, string EntryNumber, DateOnly PostedOn,
    DateOnly? SettledOn, string PatientName, string MaskedIdNumber, string? FacilityCode, string FacilityName, string BenefitText,
    decimal Total, decimal Eligible, decimal BasicFundPaid, decimal Amount);

/// <summary>A movement of the receivable that is not a claim's: a payment received, a manual correction (signed: + raises it).</summary>
public sealed record PayerMovement(string EntryNumber, DateOnly Date, string SourceType, string SourceId, string Description, decimal Amount);

/// <summary>A payment the payer made against the month's statement (Dr 1001 / Cr its receivable).</summary>
public sealed record PayerPayment(string EntryNumber, DateOnly ReceivedOn, decimal Amount, string Description);

/// <summary>
/// A payer's monthly statement (对账单): what the county advanced for it in the month, claim by claim, and how its
/// receivable moved. Opening balance + <see cref="Total"/> + the other movements = closing balance.
/// </summary>
public sealed record PayerStatement(Payer Payer, string PayerText, string? PayerName, string Period, string AccountCode, string AccountName,
    decimal OpeningBalance, IReadOnlyList<PayerStatementLine> Lines, decimal Total, IReadOnlyList<PayerMovement> OtherMovements,
    decimal ClosingBalance, IReadOnlyList<PayerPayment> Payments, decimal Paid, decimal Outstanding);

/// <summary>
/// Builds a payer's statement from the journal: the lines of its receivable dated in the month, each joined to the
/// claim its entry names (a claim's settlement or reversal carries the claim number as source id).
/// </summary>
public static class PayerStatements
{
    public static async Task<PayerStatement> BuildAsync(Payer payer, int period, CooperativeDbContext db, Balances balances,
        IPolicyStore policies, CancellationToken ct)
    {
        var account = ChartOfAccounts.ReceivableFrom(payer);
        var (start, end) = (LedgerPeriod.StartOf(period), LedgerPeriod.EndOf(period));
        var moves = await MovementsAsync(db, db.JournalLines.AsNoTracking().Where(l => l.AccountCode == account && l.Date >= start && l.Date <= end),
            ct);
        var numbers = moves.Where(m => IsClaimSource(m.SourceType)).Select(m => m.SourceId).Distinct().ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => numbers.Contains(c.Number))
            .Select(c => new ClaimFacts(c.Number, c.SettledUtc, c.PatientName, c.IdNumber, c.FacilityCode, c.FacilityName, c.Benefit,
                c.Total, c.Eligible, c.Reimbursement))
            .ToDictionaryAsync(c => c.Number, StringComparer.Ordinal, ct);

        var lines = new List<PayerStatementLine>();
        var other = new List<PayerMovement>();
        foreach (var m in moves)
        {
            if (IsClaimSource(m.SourceType) && claims.TryGetValue(m.SourceId, out var c)) lines.Add(Line(m, c));
            else other.Add(m);
        }
        var sourceId = Payers.PaymentSourceId(payer, period);
        var payments = (await MovementsAsync(db, db.JournalLines.AsNoTracking().Where(l => l.AccountCode == account
                && db.JournalEntries.Any(e => e.Id == l.EntryId && e.SourceType == Payers.PaymentSource && e.SourceId == sourceId)), ct))
            .Select(m => new PayerPayment(m.EntryNumber, m.Date, -m.Amount, m.Description)).ToList();
        var total = lines.Sum(l => l.Amount);
        var paid = payments.Sum(p => p.Amount);
        return new PayerStatement(payer, Payers.Chinese(payer), Payers.NameIn(await policies.InForceAsync(period / 100, end, ct), payer),
            LedgerPeriod.Format(period), account, ChartOfAccounts.Find(account)!.Name,
            await BalanceAsync(balances, account, start.AddDays(-1), ct), lines, total, other,
            await BalanceAsync(balances, account, end, ct), payments, paid, total - paid);
    }

    private static bool IsClaimSource(string sourceType) => sourceType is "claim" or ClaimSettler.ReversalSource;

    /// <summary>Each entry's net movement of the account (debit − credit: a receivable grows on the debit side), in date and number order.</summary>
    private static async Task<List<PayerMovement>> MovementsAsync(CooperativeDbContext db, IQueryable<JournalLine> lines, CancellationToken ct)
    {
        var rows = await lines.Join(db.JournalEntries.AsNoTracking(), l => l.EntryId, e => e.Id,
                (l, e) => new { e.Number, e.Date, e.SourceType, e.SourceId, e.Description, l.Debit, l.Credit })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Number, StringComparer.Ordinal)
            .Select(g => new PayerMovement(g.Key, g.First().Date, g.First().SourceType, g.First().SourceId, g.First().Description,
                g.Sum(r => r.Debit - r.Credit)))
            .OrderBy(m => m.Date).ThenBy(m => m.EntryNumber, StringComparer.Ordinal).ToList();
    }

    private static PayerStatementLine Line(PayerMovement m, ClaimFacts c)
    {
        var (kind, sign) = m.SourceType == ClaimSettler.ReversalSource ? (PayerMovementKind.Reversal, -1m) : (PayerMovementKind.Settlement, 1m);
        return new PayerStatementLine(c.Number, kind, kind == PayerMovementKind.Reversal ? "冲销" : "结算", m.EntryNumber, m.Date,
            c.SettledUtc is { } settled ? CountyTime.DateOf(settled) : null, c.PatientName, ResidentIdNumber.Mask(c.IdNumber), c.FacilityCode,
            c.FacilityName, BenefitKinds.Chinese(c.Benefit), sign * c.Total, sign * c.Eligible, sign * c.Reimbursement, m.Amount);
    }

    private static async Task<decimal> BalanceAsync(Balances balances, string account, DateOnly date, CancellationToken ct) =>
        (await balances.AtAsync(date, ct)).Single(b => b.Code == account).Balance;

    private sealed record ClaimFacts(string Number, DateTime? SettledUtc, string PatientName, string IdNumber, string? FacilityCode,
        string FacilityName, BenefitKind Benefit, decimal Total, decimal Eligible, decimal Reimbursement);

    /// <summary>The statement as a workbook: the summary, the claims, the other movements and the payments, a sheet each.</summary>
    public static byte[] Xlsx(PayerStatement s)
    {
        using var workbook = new XLWorkbook();
        var title = $"{s.PayerText}对账单 {s.Period}" + (s.PayerName is { } name ? $"（{name}）" : "");
        workbook.AddTable("对账汇总", [new("项目", 28), new("内容", 36, Infrastructure.Xlsx.MoneyFormat)],
        [
            ["付款单位", s.PayerName ?? "（本年度补偿方案未设）"], ["对账月份", s.Period], ["会计科目", $"{s.AccountCode} {s.AccountName}"],
            ["期初余额", s.OpeningBalance], ["本月垫付（结算减冲销）", s.Total],
            ["其他变动（回款等）", s.OtherMovements.Sum(m => m.Amount)], ["期末余额", s.ClosingBalance],
            ["本月对账单已回款", s.Paid], ["本月对账单未回款", s.Outstanding],
        ], title);
        workbook.AddTable("结算明细", [new("报销单号", 22), new("类型", 8), new("凭证号", 18), new("记账日期", 12), new("结算日期", 12),
                new("患者姓名", 12), new("身份证号", 22), new("就诊机构", 24), new("补偿类别", 14), ExcelColumn.Money("费用总额"),
                ExcelColumn.Money("可报销费用"), ExcelColumn.Money("基本医疗基金支付"), ExcelColumn.Money($"{s.PayerText}支付")],
            s.Lines.Select(l => new object?[] { l.ClaimNumber, l.KindText, l.EntryNumber, l.PostedOn, l.SettledOn, l.PatientName,
                l.MaskedIdNumber, l.FacilityName, l.BenefitText, l.Total, l.Eligible, l.BasicFundPaid, l.Amount })
                .Append(["合计", null, null, null, null, null, null, null, null, s.Lines.Sum(l => l.Total), s.Lines.Sum(l => l.Eligible),
                    s.Lines.Sum(l => l.BasicFundPaid), s.Total]));
        workbook.AddTable("其他变动", [new("凭证号", 18), new("日期", 12), new("来源", 16), new("摘要", 48), ExcelColumn.Money("金额（增加为正）", 18)],
            s.OtherMovements.Select(m => new object?[] { m.EntryNumber, m.Date, m.SourceType, m.Description, m.Amount }));
        workbook.AddTable("回款记录", [new("凭证号", 18), new("到账日期", 12), ExcelColumn.Money("到账金额"), new("摘要", 60)],
            s.Payments.Select(p => new object?[] { p.EntryNumber, p.ReceivedOn, p.Amount, p.Description }));
        return workbook.ToBytes();
    }
}
