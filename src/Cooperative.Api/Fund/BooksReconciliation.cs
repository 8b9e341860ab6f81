using System.Text.Json;
using Cooperative.Api.Audit;
using Cooperative.Api.Benefits;
using Cooperative.Api.Claims;
using Cooperative.Api.Data;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>One thing that does not agree, with the records involved.</summary>
public sealed record Disagreement(string Kind, string Record, string Detail);

public sealed record ReconciliationReport(DateTime AtUtc, int ClaimsChecked, int EnrollmentsChecked, int SettlementsChecked,
    IReadOnlyList<Disagreement> Disagreements, bool Agrees);

/// <summary>
/// The claims, the usage and the ledger agree (账实核对), or this names where not: every settled claim has its
/// entry with the same amount on the expense account of its kind and level and the payable of its channel, every
/// reversed one its mirror; each person's yearly usage is the sum of his standing claims; each facility payment
/// pays no more than the claims it marked paid, and each paid facility claim was paid by its facility's settlement.
/// A claim's amount changed by SQL, an entry's line changed or added, a usage bumped: each is named here.
/// </summary>
public sealed class BooksReconciliation(CooperativeDbContext db, TimeProvider clock)
{
    private const int Listed = 500;

    public async Task<ReconciliationReport> CheckAsync(CancellationToken ct)
    {
        var found = new List<Disagreement>();
        var claims = await db.Claims.AsNoTracking()
            .Select(c => new
            {
                c.Number, c.Channel, c.Status, c.VisitType, c.Benefit, c.FacilityLevel, c.FacilityCode, c.Reimbursement, c.CatastrophicPaid,
                c.AssistancePaid, c.EnrollmentId, c.SettlementEntryId, c.ReversalEntryId, c.PaymentEntryId, c.SettledUtc, c.CatastrophicBase, c.BenefitGroup,
            }).ToListAsync(ct);
        var entryIds = claims.SelectMany(c => new[] { c.SettlementEntryId, c.ReversalEntryId, c.PaymentEntryId }).OfType<Guid>().ToHashSet();
        var lines = (await db.JournalLines.AsNoTracking().Where(l => entryIds.Contains(l.EntryId))
                .Select(l => new { l.EntryId, l.AccountCode, l.Debit, l.Credit, l.FacilityCode }).ToListAsync(ct))
            .ToLookup(l => l.EntryId);
        var sources = await db.JournalEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Number, e.SourceType, e.SourceId }).ToDictionaryAsync(e => e.Id, ct);

        foreach (var c in claims)
        {
            var expense = ChartOfAccounts.ClaimExpense(c.Benefit, c.FacilityLevel);
            var payout = c.Reimbursement + c.CatastrophicPaid + c.AssistancePaid;
            var payable = c.Channel switch { ClaimChannel.Facility => ChartOfAccounts.PayableToFacilities, ClaimChannel.Window => ChartOfAccounts.PayableToResidents };
            if (c.SettledUtc is not null && payout > 0)
            {
                if (c.SettlementEntryId is not { } settled || !sources.ContainsKey(settled))
                    found.Add(new("claim_without_entry", c.Number, $"报销单 {c.Number} 补偿 {payout:0.00} 元，但没有对应的记账凭证"));
                else
                {
                    var mine = lines[settled].ToList();
                    var dr = mine.Where(l => l.AccountCode == expense).Sum(l => l.Debit - l.Credit);
                    var catastrophic = mine.Where(l => l.AccountCode == ChartOfAccounts.CatastrophicReceivable).Sum(l => l.Debit - l.Credit);
                    var assistance = mine.Where(l => l.AccountCode == ChartOfAccounts.AssistanceReceivable).Sum(l => l.Debit - l.Credit);
                    var cr = mine.Where(l => l.AccountCode == payable).Sum(l => l.Credit - l.Debit);
                    if (dr != c.Reimbursement || catastrophic != c.CatastrophicPaid || assistance != c.AssistancePaid || cr != payout
                        || mine.Sum(l => l.Debit) != payout)
                        found.Add(new("claim_entry_mismatch", c.Number,
                            $"报销单 {c.Number} 基金补偿 {c.Reimbursement:0.00}、大病保险 {c.CatastrophicPaid:0.00}、医疗救助 {c.AssistancePaid:0.00} 元，" +
                            $"凭证 {sources[settled].Number} 记 {expense} 借 {dr:0.00}、{ChartOfAccounts.CatastrophicReceivable} 借 {catastrophic:0.00}、" +
                            $"{ChartOfAccounts.AssistanceReceivable} 借 {assistance:0.00}、{payable} 贷 {cr:0.00}"));
                }
                if (c.Status == ClaimStatus.Reversed)
                {
                    var reversal = c.ReversalEntryId is { } r ? lines[r].Where(l => l.AccountCode == expense).Sum(l => l.Credit - l.Debit) : 0m;
                    if (reversal != c.Reimbursement)
                        found.Add(new("reversal_mismatch", c.Number, $"已冲销的报销单 {c.Number} 补偿 {c.Reimbursement:0.00} 元，冲销凭证冲回 {reversal:0.00} 元"));
                }
            }
            if (c is { Channel: ClaimChannel.Facility, PaymentEntryId: { } paidBy }
                && (!sources.TryGetValue(paidBy, out var payment) || payment.SourceType != FacilitySettlement.SourceType
                    || !payment.SourceId.EndsWith(":" + c.FacilityCode, StringComparison.Ordinal)))
                found.Add(new("facility_payment_mismatch", c.Number, $"报销单 {c.Number} 记为已支付，但支付凭证不是 {c.FacilityCode} 的月度结算"));
        }

        var usage = claims.Where(c => c.Status.HoldsSettlement()).GroupBy(c => c.EnrollmentId)
            .ToDictionary(g => g.Key, g => UsageJson.Write(g.Aggregate((IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>(),
                (sum, c) => UsageJson.Add(sum, Claim.UsageFrom(c.Benefit, c.BenefitGroup, c.Reimbursement, c.CatastrophicBase, c.CatastrophicPaid, c.AssistancePaid)))));
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.UsageJson != "{}" || usage.Keys.Contains(e.Id))
            .Select(e => new { e.Id, e.PersonId, e.FundYear, e.UsageJson }).ToListAsync(ct);
        foreach (var e in enrollments)
        {
            var stored = UsageJson.Write(UsageJson.Parse(e.UsageJson));
            var expected = usage.GetValueOrDefault(e.Id, "{}");
            if (stored != expected)
                found.Add(new("usage_mismatch", e.Id.ToString(), $"参合记录 {e.FundYear} 年度累计使用 {stored}，其报销单合计 {expected}"));
        }

        var settlements = await db.JournalEntries.AsNoTracking().Where(e => e.SourceType == FacilitySettlement.SourceType)
            .Select(e => new { e.Id, e.Number, Paid = e.Lines.Where(l => l.AccountCode == ChartOfAccounts.Bank).Sum(l => l.Credit) }).ToListAsync(ct);
        var paidClaims = claims.Where(c => c.PaymentEntryId is not null).GroupBy(c => c.PaymentEntryId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Reimbursement + c.CatastrophicPaid + c.AssistancePaid));
        foreach (var s in settlements)
        {
            var claimsPaid = paidClaims.GetValueOrDefault(s.Id);
            if (s.Paid > claimsPaid)
                found.Add(new("settlement_exceeds_claims", s.Number, $"月度结算凭证 {s.Number} 支付 {s.Paid:0.00} 元，超过其支付的报销单合计 {claimsPaid:0.00} 元"));
        }
        return new ReconciliationReport(clock.GetUtcNow().UtcDateTime, claims.Count, enrollments.Count, settlements.Count,
            found.Take(Listed).ToList(), found.Count == 0);
    }

    /// <summary>The check as the daily job runs it: its result left in the audit trail.</summary>
    public async Task<ReconciliationReport> CheckAndRecordAsync(CancellationToken ct)
    {
        var report = await CheckAsync(ct);
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = report.AtUtc, Actor = "system", ActorRole = "system", EntityType = "BooksReconciliation", EntityId = report.AtUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Action = report.Agrees ? "agrees" : "disagrees",
            After = JsonSerializer.Serialize(new { report.ClaimsChecked, report.EnrollmentsChecked, report.SettlementsChecked,
                Disagreements = report.Disagreements.Take(20) }),
        });
        await db.SaveChangesAsync(ct);
        return report;
    }
}

/// <summary>Runs the reconciliation once a day (<c>Fund:ReconciliationHours</c>, default 24; 0 leaves it to another instance).</summary>
public sealed class BooksReconciliationService(IServiceScopeFactory scopes, IConfiguration config, ILogger<BooksReconciliationService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = config.GetValue("Fund:ReconciliationHours", 24.0);
        if (hours <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<BooksReconciliation>().CheckAndRecordAsync(stoppingToken);
                if (!report.Agrees) log.LogWarning("The books do not agree: {Count} disagreements", report.Disagreements.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The daily reconciliation failed; it runs again tomorrow.");
            }
        }
    }
}
