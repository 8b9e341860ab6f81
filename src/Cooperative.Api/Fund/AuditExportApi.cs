using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>
/// For the annual audit (年度审计): one workbook of statements for a fund year, and the full journal of the year
/// streamed as CSV beside it (millions of lines, never held in memory).
/// </summary>
public static class AuditExportApi
{
    public static RouteGroupBuilder MapAuditExportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger").WithTags("Ledger").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/invariant", async (LedgerInvariant invariant, CancellationToken ct) => TypedResults.Ok(await invariant.CheckAsync(ct)))
            .WithSummary("Check the ledger's invariant (账务不变量)")
            .WithDescription("Checks that every entry balances and the balances agree with the lines, listing any "
                + "breach.")
            .WithName("CheckLedgerInvariant");
        group.MapGet("/journal.csv", Journal).ReleasesMemoryAfterwards()
            .WithSummary("The year's journal as CSV (年度审计)")
            .WithDescription("Every journal line of a fund year (year), streamed as CSV for the annual audit.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "validation_failed")
            .WithName("ExportJournal");
        group.MapGet("/audit-workbook.xlsx", Workbook).ReleasesMemoryAfterwards()
            .WithSummary("The year's audit workbook (年度审计)")
            .WithDescription("One workbook of statements for a fund year (year): balances, income and expenditure "
                + "by month, claims by kind and level against the books, the reconciliation and the "
                + "audit chain's checkpoints.")
            .WithName("ExportAuditWorkbook");
        return group;
    }

    private static async Task Journal(int year, HttpContext http, CooperativeDbContext db, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=journal-{year}.csv";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await writer.WriteLineAsync("凭证号,日期,期间,摘要,来源类型,来源编号,行号,科目代码,科目名称,借方金额,贷方金额,定点医疗机构,冲销凭证,记账人");
        var names = ChartOfAccounts.All.ToDictionary(a => a.Code, a => a.Name);
        var lines = db.JournalLines.AsNoTracking()
            .Where(l => l.Period >= year * 100 && l.Period <= (year * 100) + 12)
            .Join(db.JournalEntries, l => l.EntryId, e => e.Id, (l, e) => new
            {
                e.Number, l.Date, l.Period, e.Description, e.SourceType, e.SourceId, l.LineNo, l.AccountCode, l.Debit, l.Credit,
                l.FacilityCode, e.ReversesEntryId, e.PostedBy, l.EntryId,
            })
            .OrderBy(r => r.EntryId).ThenBy(r => r.LineNo)
            .AsAsyncEnumerable();
        var count = 0;
        await foreach (var r in lines.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                r.Number, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LedgerPeriod.Format(r.Period), TextDigests.CsvField(r.Description),
                r.SourceType, TextDigests.CsvField(r.SourceId), r.LineNo.ToString(CultureInfo.InvariantCulture), r.AccountCode,
                names.GetValueOrDefault(r.AccountCode, ""), r.Debit.ToString("0.00", CultureInfo.InvariantCulture),
                r.Credit.ToString("0.00", CultureInfo.InvariantCulture), r.FacilityCode ?? "", r.ReversesEntryId?.ToString() ?? "", TextDigests.CsvField(r.PostedBy)));
            if (++count % 10_000 == 0) await writer.FlushAsync(ct);
        }
    }

    private static async Task<IResult> Workbook(int year, CooperativeDbContext db, Balances balances, AuditChain chain,
        BooksReconciliation reconciliation, TimeProvider clock, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem) return problem;
        var yearEnd = new DateOnly(year, 12, 31);
        var at = clock.Today() < yearEnd ? clock.Today() : yearEnd;
        var yearLines = db.JournalLines.AsNoTracking().Where(l => l.Period >= year * 100 && l.Period <= (year * 100) + 12);
        var byAccount = (await LedgerSums.ByAccountAsync(db, yearLines, ct)).ToDictionary(s => s.AccountCode);
        var claims = await ClaimMoneyAsync(db, year, ct);
        var monthly = await MonthlyAsync(db, year, claims, ct);
        var byFacility = await LedgerSums.ByAccountAndFacilityAsync(db,
            yearLines.Where(l => l.AccountCode == ChartOfAccounts.PayableToFacilities && l.FacilityCode != null), ct);
        var penalties = await yearLines.Where(l => l.AccountCode == ChartOfAccounts.PayableToFacilities && l.FacilityCode != null)
            .Join(db.JournalEntries.Where(e => e.SourceType == "penalty"), l => l.EntryId, e => e.Id, (l, e) => new { l.FacilityCode, l.Debit })
            .ToListAsync(ct);
        var trial = await balances.AtAsync(at, ct);
        var verification = await chain.VerifyAsync(ct);
        var agreement = await reconciliation.CheckAsync(ct);

        using var workbook = new XLWorkbook();
        workbook.AddTable("基金收支表", [new("科目代码", 12), new("项目", 30), ExcelColumn.Money("本年金额")],
            ChartOfAccounts.All.Where(a => a.Type is AccountType.Income or AccountType.Expense).Select(a => new object?[]
            {
                a.Code, (a.Type == AccountType.Income ? "收入：" : "支出：") + a.Name,
                byAccount.TryGetValue(a.Code, out var s) ? (a.Type == AccountType.Income ? s.Credit - s.Debit : s.Debit - s.Credit) : 0m,
            }), $"{year} 年度新农合基金收支表");
        workbook.AddTable("试算平衡表", [new("科目代码", 12), new("科目名称", 30), ExcelColumn.Money("借方累计"), ExcelColumn.Money("贷方累计"), ExcelColumn.Money("余额")],
            trial.Select(a => new object?[] { a.Code, a.Name, a.Debit, a.Credit, a.Balance })
                .Append(["合计", "", trial.Sum(a => a.Debit), trial.Sum(a => a.Credit), null]),
            $"试算平衡表（截至 {at:yyyy-MM-dd}）");
        workbook.AddTable("月度汇总",
            [
                new("月份", 10), ExcelColumn.Money("收入"), ExcelColumn.Money("补偿支出"), ExcelColumn.Money("其他支出"), ExcelColumn.Money("结余"),
                ExcelColumn.Money("大病保险垫付"), ExcelColumn.Money("医疗救助垫付"),
            ],
            monthly.Select(m => new object?[]
            {
                m.Month, m.Income, m.Claims, m.OtherExpense, m.Income - m.Claims - m.OtherExpense, m.Catastrophic, m.Assistance,
            }));
        workbook.AddTable("补偿支出按级别",
            [
                new("科目代码", 12), new("类别与级别", 34), ExcelColumn.Money("本年支出"), new("补偿人次", 10), ExcelColumn.Money("医疗总费用"),
                ExcelColumn.Money("基金补偿（报销单）"), ExcelColumn.Money("大病保险"), ExcelColumn.Money("医疗救助"), ExcelColumn.Money("个人自付"),
            ],
            ByKindAndLevelRows(byAccount, claims));
        workbook.AddTable("机构结算与罚款", [new("机构编码", 12), ExcelColumn.Money("即时结报应付"), ExcelColumn.Money("罚款扣减"), ExcelColumn.Money("已结算支付及其他"), ExcelColumn.Money("年末应付余额")],
            byFacility.OrderBy(f => f.FacilityCode).Select(f =>
            {
                var penalty = penalties.Where(p => p.FacilityCode == f.FacilityCode).Sum(p => p.Debit);
                return new object?[] { f.FacilityCode, f.Credit, penalty, f.Debit - penalty, f.Credit - f.Debit };
            }));
        workbook.AddTable("审计链验证", [new("项目", 24), new("结果", 60)],
        [
            ["已验证记录数", verification.Verified], ["未封存记录数", verification.Unsealed],
            ["审计链完整", verification.Intact ? "是" : "否"], ["首个异常", verification.FirstBroken?.Reason ?? "无"],
            ["库外检查点数", verification.Checkpoints],
            ["最近一个相符的检查点", verification.LastGoodCheckpoint is { } good
                ? $"第 {good.Seq} 条，{good.AtUtc:yyyy-MM-dd HH:mm:ss} UTC，哈希 {good.Hash}，签名 {good.Mac}（密钥 {good.KeyId ?? "无"}）" : "无"],
            ["验证时间（UTC）", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)],
        ]);
        workbook.AddTable("账实核对", [new ExcelColumn("类别", 28), new ExcelColumn("记录", 24), new ExcelColumn("说明", 90)],
            agreement.Disagreements.Select(d => new object?[] { d.Kind, d.Record, d.Detail })
                .Prepend(new object?[] { agreement.Agrees ? "相符" : "不符",
                    $"报销单 {agreement.ClaimsChecked}，参合记录 {agreement.EnrollmentsChecked}，月度结算 {agreement.SettlementsChecked}",
                    agreement.Agrees ? "报销单、个人累计补偿与账簿一致" : $"{agreement.Disagreements.Count} 处不一致，见下" }).ToList());
        return Results.File(workbook.ToBytes(), Xlsx.ContentType, $"audit-{year}.xlsx");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? YearProblem(int year)
    {
        var v = new Validation().FundYear(year, "year");
        return v.IsValid ? null : v.ToProblem();
    }

    private sealed record MonthTotals(string Month, decimal Income, decimal Claims, decimal OtherExpense, decimal Catastrophic,
        decimal Assistance);

    private static async Task<List<MonthTotals>> MonthlyAsync(CooperativeDbContext db, int year, List<ClaimMoney> claims,
        CancellationToken ct)
    {
        var claimAccounts = BenefitKinds.All.Select(k => k.ExpenseAccount + ".").ToList();
        var months = new List<MonthTotals>();
        for (var m = 1; m <= 12; m++)
        {
            var period = (year * 100) + m;
            var sums = await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking().Where(l => l.Period == period), ct);
            decimal Of(Func<string, bool> which, bool credit) => sums.Where(s => which(s.AccountCode)).Sum(s => credit ? s.Credit - s.Debit : s.Debit - s.Credit);
            bool IsIncome(string c) => ChartOfAccounts.Find(c)?.Type == AccountType.Income;
            bool IsClaim(string c) => claimAccounts.Exists(a => c.StartsWith(a, StringComparison.Ordinal));
            bool IsOther(string c) => ChartOfAccounts.Find(c)?.Type == AccountType.Expense && !IsClaim(c);
            var claimed = claims.Where(c => c.Period == period).ToList();
            months.Add(new MonthTotals($"{year}-{m:00}", Of(IsIncome, true), Of(IsClaim, false), Of(IsOther, false),
                claimed.Sum(c => c.Catastrophic), claimed.Sum(c => c.Assistance)));
        }
        return months;
    }

    /// <summary>
    /// What the claims of one benefit kind at one level came to in one period of the ledger: settlements posted in it less
    /// reversals posted in it, each at the claim's amounts. The basic fund's part so reckoned equals the kind's and level's
    /// expense in the books, and each other payer's part the receivable the claims added (1104 大病保险, 1105 医疗救助).
    /// </summary>
    private sealed record ClaimMoney(int Period, BenefitKind Benefit, FacilityLevel Level, int Visits, decimal Total, decimal Fund,
        decimal Catastrophic, decimal Assistance, decimal Patient);

    private static async Task<List<ClaimMoney>> ClaimMoneyAsync(CooperativeDbContext db, int year, CancellationToken ct)
    {
        var plus = await SumAsync(db, year, c => c.SettlementEntryId, ct);
        var minus = await SumAsync(db, year, c => c.ReversalEntryId, ct);
        return plus.Concat(minus.Select(m => m with
            {
                Visits = -m.Visits, Total = -m.Total, Fund = -m.Fund, Catastrophic = -m.Catastrophic, Assistance = -m.Assistance,
                Patient = -m.Patient,
            }))
            .GroupBy(m => (m.Period, m.Benefit, m.Level))
            .Select(g => new ClaimMoney(g.Key.Period, g.Key.Benefit, g.Key.Level, g.Sum(m => m.Visits), g.Sum(m => m.Total),
                g.Sum(m => m.Fund), g.Sum(m => m.Catastrophic), g.Sum(m => m.Assistance), g.Sum(m => m.Patient)))
            .ToList();
    }

    /// <summary>
    /// The claims whose settlement (or reversal) entry is posted in the year, by period, kind and level. Summed in SQL on
    /// MariaDB/MySQL; SQLite cannot SUM decimals, so there in memory (as <see cref="LedgerSums"/> does).
    /// </summary>
    private static async Task<List<ClaimMoney>> SumAsync(CooperativeDbContext db, int year,
        System.Linq.Expressions.Expression<Func<Claims.Claim, Guid?>> entryOf, CancellationToken ct)
    {
        var entries = db.JournalEntries.AsNoTracking().Where(e => e.Period >= year * 100 && e.Period <= (year * 100) + 12);
        var rows = db.Claims.AsNoTracking().Join(entries, entryOf, e => (Guid?)e.Id, (c, e) => new
        {
            e.Period, c.Benefit, c.FacilityLevel, c.Total, c.Reimbursement, c.CatastrophicPaid, c.AssistancePaid, c.PatientShare,
        });
        if (db.Database.IsMySql())
            return (await rows.GroupBy(r => new { r.Period, r.Benefit, r.FacilityLevel })
                    .Select(g => new
                    {
                        g.Key.Period, g.Key.Benefit, g.Key.FacilityLevel, Visits = g.Count(), Total = g.Sum(r => r.Total),
                        Fund = g.Sum(r => r.Reimbursement), Catastrophic = g.Sum(r => r.CatastrophicPaid),
                        Assistance = g.Sum(r => r.AssistancePaid), Patient = g.Sum(r => r.PatientShare),
                    })
                    .ToListAsync(ct))
                .Select(g => new ClaimMoney(g.Period, g.Benefit, g.FacilityLevel, g.Visits, g.Total, g.Fund, g.Catastrophic, g.Assistance,
                    g.Patient))
                .ToList();
        return (await rows.ToListAsync(ct)).GroupBy(r => (r.Period, r.Benefit, r.FacilityLevel))
            .Select(g => new ClaimMoney(g.Key.Period, g.Key.Benefit, g.Key.FacilityLevel, g.Count(), g.Sum(r => r.Total),
                g.Sum(r => r.Reimbursement), g.Sum(r => r.CatastrophicPaid), g.Sum(r => r.AssistancePaid), g.Sum(r => r.PatientShare)))
            .ToList();
    }

    /// <summary>
    /// Every benefit kind at every level (a pair without claims too), each kind's subtotal under its parent account, and the
    /// total: the year's expense in the books beside what the claims came to for each payer and the patients.
    /// </summary>
    private static List<object?[]> ByKindAndLevelRows(Dictionary<string, AccountSum> byAccount, List<ClaimMoney> claims)
    {
        object?[] Row(string code, string name, decimal booked, IEnumerable<ClaimMoney> of)
        {
            var c = of.ToList();
            return [code, name, booked, c.Sum(m => m.Visits), c.Sum(m => m.Total), c.Sum(m => m.Fund), c.Sum(m => m.Catastrophic),
                c.Sum(m => m.Assistance), c.Sum(m => m.Patient)];
        }
        decimal Booked(string code) => byAccount.TryGetValue(code, out var s) ? s.Debit - s.Credit : 0m;
        var rows = new List<object?[]>();
        foreach (var kind in BenefitKinds.All)
        {
            foreach (var level in Enum.GetValues<FacilityLevel>())
            {
                var code = ChartOfAccounts.ClaimExpense(kind.Kind, level);
                rows.Add(Row(code, ChartOfAccounts.Find(code)!.Name, Booked(code),
                    claims.Where(m => m.Benefit == kind.Kind && m.Level == level)));
            }
            rows.Add(Row(kind.ExpenseAccount, $"{kind.ChineseName}补偿支出小计",
                Enum.GetValues<FacilityLevel>().Sum(l => Booked(ChartOfAccounts.ClaimExpense(kind.Kind, l))),
                claims.Where(m => m.Benefit == kind.Kind)));
        }
        var bookedAll = BenefitKinds.All.Sum(k => Enum.GetValues<FacilityLevel>().Sum(l => Booked(ChartOfAccounts.ClaimExpense(k.Kind, l))));
        rows.Add(Row("合计", "各类别补偿合计", bookedAll, claims));
        return rows;
    }
}
