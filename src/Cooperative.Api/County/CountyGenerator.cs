using System.Diagnostics;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Facilities;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>The end of a run: the exit code of the command, what to tell the user, and the report when there is one.</summary>
public sealed record CountyOutcome(int ExitCode, string Message, CountyReport? Report);

/// <summary>
/// Fills an empty database with a synthetic county, deterministically from a seed, through the code paths of
/// real use: the administrator publishes the county's scheme for the year (<see cref="CountyPolicy"/>), the window
/// imports each township's register, enrols households in the autumn campaign and records the chronic disease
/// certifications on 1 January, then facilities submit their bills and the window files referrals and enters paper
/// claims, month after month. Nothing is written behind those paths' backs except the run's own two audit records
/// (the benefit registers apply their endpoint's rules themselves: see <see cref="CountyBenefitRegisters"/>).
/// </summary>
public sealed class CountyGenerator(IServiceProvider appServices)
{
    public async Task<CountyOutcome> RunAsync(CountyRequest request, Action<string> report, CancellationToken ct)
    {
        var clock = new CountyClock(appServices.GetRequiredService<TimeProvider>());
        await using var services = appServices.GetRequiredService<CountyServiceCatalog>().BuildFor(clock);
        var setup = await PrepareAsync(services, appServices, clock, request, ct);
        if (setup.Outcome is { } early) return early;
        var (window, facilities, bills) = (setup.Window!, setup.Facilities!, setup.Bills!);

        var tally = new CountyTally();
        var register = new CountyRegister(services, clock, request, tally);
        var enrolment = new CountyEnrolment(services, clock, request, tally);
        var registers = new CountyBenefitRegisters(services, clock, request, tally, facilities);
        var claims = new CountyClaims(services, clock, request, tally, window, facilities, bills, registers, report);
        double importSeconds = 0, enrolSeconds = 0, claimSeconds = 0;
        foreach (var township in request.Size.Townships)
        {
            var watch = Stopwatch.StartNew();
            await register.ImportAsync(township, ct);
            importSeconds += watch.Elapsed.TotalSeconds;
            watch.Restart();
            await enrolment.EnrolAsync(township, ct);
            await registers.CertifyAsync(township, ct);
            await ReceiveFundingAsync(services, clock, request, township, report, ct);
            enrolSeconds += watch.Elapsed.TotalSeconds;
            watch.Restart();
            await claims.SubmitAsync(township, ct);
            claimSeconds += watch.Elapsed.TotalSeconds;
            report($"{township}：累计 {tally.Persons} 人，参合 {tally.Enrolled} 人，报销 {tally.Claims} 笔（{importSeconds + enrolSeconds + claimSeconds:0} 秒）");
        }

        // Once a month (on the 5th) the office pays each facility what its direct settlements of the month before
        // left owing (月度结算), as the admin's endpoint does, and closes the month before (月末结账: risk reserve,
        // balance snapshot), with any earlier month still open; months whose 5th has not come yet wait.
        for (var month = new DateOnly(window.First.Year, window.First.Month, 1); month.AddMonths(1).AddDays(4) <= window.LastSubmission;
             month = month.AddMonths(1))
        {
            clock.Set(CountyClock.At(month.AddMonths(1).AddDays(4), 10 * 60));
            await SettleFacilitiesAsync(services, request.RunId, LedgerPeriod.KeyOf(month), tally, report, ct);
            await CloseMonthsAsync(services, request.RunId, LedgerPeriod.KeyOf(month), tally, report, ct);
        }

        var result = new CountyReport(request.Key, tally.Households, tally.Persons, tally.Enrolled, tally.Receipts, tally.InpatientClaims,
            tally.OutpatientClaims, tally.UnderReview, tally.Billed, tally.Reimbursed,
            tally.Refusals.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value),
            Math.Round(importSeconds, 1), Math.Round(enrolSeconds, 1), Math.Round(claimSeconds, 1),
            tally.WindowClaimsPaid, tally.PaidToResidents, tally.FacilityPayments, tally.PaidToFacilities, tally.MonthsClosed, tally.RiskReserve,
            tally.ClaimsByKind, tally.PersonsByCategory, tally.Certifications, tally.ReferralFilings, tally.ReferredWithFiling,
            tally.ReferredWithoutFiling, tally.CatastrophicClaims, tally.CatastrophicPaid, tally.AssistanceClaims, tally.AssistancePaid);
        await using (var scope = services.CreateAsyncScope())
        {
            await CountyRunRecord.WriteAsync(scope.ServiceProvider.GetRequiredService<CooperativeDbContext>(), request, "completed", result,
                clock.GetUtcNow().UtcDateTime, ct);
            await scope.ServiceProvider.GetRequiredService<AuditChain>().SealPendingAsync(ct);
        }
        return new CountyOutcome(0, Summary(result), result);
    }

    private static async Task SettleFacilitiesAsync(IServiceProvider services, string run, int period, CountyTally tally, Action<string> report,
        CancellationToken ct)
    {
        await using var scope = AdminScope(services, run);
        var (payments, code, message) = await scope.ServiceProvider.GetRequiredService<FacilitySettlement>().SettleAsync(period, ct);
        if (payments is null)
        {
            report($"  {LedgerPeriod.Format(period)} 机构结算未完成：{code} {message}");
            return;
        }
        foreach (var payment in payments.Where(p => p.Paid > 0)) tally.FacilityPaid(payment.Paid);
    }

    /// <summary>
    /// The governments' subsidies and civil affairs' contributions for the township's enrolled arrive in the fund's
    /// bank in mid-January (资金到账), recorded as the admin's receipts endpoint records them: whatever is owed then.
    /// </summary>
    private static async Task ReceiveFundingAsync(IServiceProvider services, CountyClock clock, CountyRequest request, string township,
        Action<string> report, CancellationToken ct)
    {
        clock.Set(CountyClock.At(new DateOnly(request.FundYear, 1, 15), 10 * 60));
        await using var scope = AdminScope(services, request.RunId);
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<FundLedger>();
        var postings = scope.ServiceProvider.GetRequiredService<ManualPostings>();
        foreach (var kind in Enum.GetValues<ReceiptKind>())
        {
            var receivable = BankReceipts.Receivable(kind);
            var owed = (await LedgerSums.ByAccountAsync(db, db.JournalLines.AsNoTracking().Where(l => l.AccountCode == receivable), ct))
                .Sum(x => x.Debit - x.Credit);
            if (owed <= 0) continue;
            var reference = $"{request.RunId}-{township}-{kind}";
            var draft = new Domain.Ledger.JournalDraft(clock.Today(), $"{BankReceipts.Chinese(kind)}到账（{township}）", BankReceipts.SourceType, reference,
                [Domain.Ledger.JournalLineDraft.Dr(Domain.Ledger.ChartOfAccounts.Bank, owed), Domain.Ledger.JournalLineDraft.Cr(receivable, owed)]);
            var outcome = await postings.PostAsync(reference, reference, () => postings.ReceiptProblemAsync(receivable, owed, reference, ct),
                () => ledger.PostAsync(draft, ct, idempotencyKey: reference, requestHash: reference), ct);
            if (outcome.Refusal is { } refusal) report($"  {township} {BankReceipts.Chinese(kind)}到账未记账：{refusal.Code} {refusal.Detail}");
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A scope in which the county's administrator acts, as the office's monthly tasks are done.</summary>
    private static AsyncServiceScope AdminScope(IServiceProvider services, string run)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CountyActor>().Current = CountyActor.Admin(run);
        return scope;
    }

    /// <summary>Closes, in order, every month up to <paramref name="period"/> that has entries and is still open.</summary>
    private static async Task CloseMonthsAsync(IServiceProvider services, string run, int period, CountyTally tally, Action<string> report,
        CancellationToken ct)
    {
        await using var scope = AdminScope(services, run);
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var open = await db.JournalEntries.AsNoTracking().Where(e => e.Period <= period).Select(e => e.Period).Distinct()
            .Where(p => !db.LedgerPeriods.Any(lp => lp.Period == p && lp.IsClosed)).OrderBy(p => p).ToListAsync(ct);
        var closing = scope.ServiceProvider.GetRequiredService<PeriodClosing>();
        foreach (var month in open)
        {
            var (result, code, message) = await closing.CloseAsync(month, ct);
            if (result is null)
            {
                report($"  {LedgerPeriod.Format(month)} 结账未完成：{code} {message}");
                return;
            }
            tally.Closed(result.RiskReserve);
        }
    }

    private sealed record Setup(CountyOutcome? Outcome, ClaimWindow? Window = null, FacilityDirectory? Facilities = null, BillMaker? Bills = null);

    private static async Task<Setup> PrepareAsync(IServiceProvider services, IServiceProvider appServices, CountyClock clock, CountyRequest request,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var persons = await db.Persons.CountAsync(ct);
        if (persons > 0)
        {
            if (await CountyRunRecord.CompletedAsync(db, request, ct) is { } done)
                return new Setup(new CountyOutcome(0, $"数据库中已有同一合成县（{request.Key}），无需再生成。\n" + Summary(done), done));
            var runs = await CountyRunRecord.RunsAsync(db, ct);
            return new Setup(new CountyOutcome(1, $"数据库中已有 {persons} 名参合人员，不能再生成合成县（{request.Key}）。" +
                (runs.Count > 0 ? $"已有的生成记录：{string.Join("；", runs)}。" : "") + "请使用一个空数据库。", null));
        }
        var today = clock.RealToday;
        var yearStart = new DateOnly(request.FundYear, 1, 1);
        if (request.FundYear > today.Year) return Refuse($"{request.FundYear} 年度尚未开始，只能生成今年或以前年度的合成县");
        var facilities = await CareProvidersAsync(db, yearStart, ct);
        if (facilities.Count == 0) return Refuse($"{request.FundYear} 年度没有签订医疗服务责任书的定点医疗机构");
        var names = await db.CatalogueItems.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        var missing = CaseMix.CodesUsed().Where(c => !names.ContainsKey(c)).ToList();
        if (missing.Count > 0) return Refuse($"药品和诊疗目录中缺少编码：{string.Join("、", missing)}");
        if (await CountyPolicy.PublishAsync(services, appServices, clock, request, ct) is { } refused) return Refuse(refused);

        var lastMonth = new DateOnly(request.FundYear, Math.Clamp(request.Months, 1, 12), 1).AddMonths(1).AddDays(-1);
        var yesterday = today.AddDays(-1);
        var window = new ClaimWindow(yearStart, lastMonth < yesterday ? lastMonth : yesterday, today);
        await CountyRunRecord.WriteAsync(db, request, "started", null, clock.GetUtcNow().UtcDateTime, ct);
        return new Setup(null, window, new FacilityDirectory(facilities), new BillMaker(names));

        static Setup Refuse(string message) => new(new CountyOutcome(1, message, null));
    }

    private static async Task<List<CareProvider>> CareProvidersAsync(CooperativeDbContext db, DateOnly on, CancellationToken ct)
    {
        var contracted = await db.FacilityContracts.AsNoTracking()
            .Where(c => c.TermStart <= on && c.TermEnd >= on && (c.TerminatedOn == null || c.TerminatedOn > on))
            .Select(c => c.FacilityCode).ToListAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.Status == FacilityStatus.Designated)
            .Select(f => new CareProvider(f.Code, f.Name, f.Level, f.TownshipCode, f.VillageCode)).ToListAsync(ct);
        return facilities.Where(f => contracted.Contains(f.Code)).OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    private static string Summary(CountyReport r) =>
        $"""
        合成县 {r.Key}
          户 {r.Households}，人 {r.Persons}，参合 {r.Enrolled} 人（{(r.Persons == 0 ? 0 : 100.0 * r.Enrolled / r.Persons):0.00} %），收据 {r.Receipts} 张
          报销 {r.InpatientClaims + r.OutpatientClaims} 笔：住院 {r.InpatientClaims}，门诊 {r.OutpatientClaims}，待审核 {r.UnderReview}，被拒 {r.Refusals.Values.Sum()}{(r.Refusals.Count == 0 ? "" : "（" + string.Join("，", r.Refusals.Select(x => $"{x.Key} {x.Value}")) + "）")}
          报销类别：{Kinds(r)}
          救助对象：{Categories(r)}；慢性病/特殊病种认定 {r.Certifications} 人次
          转诊备案 {r.ReferralFilings} 件：按转诊报销 {r.ReferredWithFiling} 笔，申报转诊而无有效备案按未转诊报销 {r.ReferredWithoutFiling} 笔
          医疗费用 {r.Billed:N2} 元，基金补偿 {r.Reimbursed:N2} 元
          县里垫付：大病保险 {r.CatastrophicClaims} 笔 {r.CatastrophicPaid:N2} 元，医疗救助 {r.AssistanceClaims} 笔 {r.AssistancePaid:N2} 元（应向承办机构收回）
          窗口当场兑付 {r.WindowClaimsPaid} 笔 {r.PaidToResidents:N2} 元；按月向定点机构拨付 {r.FacilityPayments} 笔 {r.PaidToFacilities:N2} 元
          月末结账 {r.MonthsClosed} 个月，提取风险基金 {r.RiskReserve:N2} 元
          导入 {r.ImportSeconds:0.0} 秒（{Rate(r.Persons, r.ImportSeconds)} 人/秒），参合缴费 {r.EnrolmentSeconds:0.0} 秒（{Rate(r.Enrolled, r.EnrolmentSeconds)} 人/秒），报销 {r.ClaimSeconds:0.0} 秒（{Rate(r.InpatientClaims + r.OutpatientClaims, r.ClaimSeconds)} 笔/秒）
          persons/s {Rate(r.Persons, r.ImportSeconds + r.EnrolmentSeconds)}, claims/s {Rate(r.InpatientClaims + r.OutpatientClaims, r.ClaimSeconds)}
        """;

    private static string Kinds(CountyReport r) =>
        string.Join("，", BenefitKinds.All.Select(k => $"{k.ChineseName} {r.ClaimsByKind?.GetValueOrDefault(k.Code) ?? 0}"));

    private static string Categories(CountyReport r) =>
        string.Join("，", (r.PersonsByCategory ?? new Dictionary<string, long>()).Select(c =>
            $"{(Enum.TryParse<PersonCategory>(c.Key, out var category) ? PersonCategories.Of(category).ChineseName : c.Key)} {c.Value} 人"));

    private static string Rate(long count, double seconds) => seconds <= 0 ? "-" : (count / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
