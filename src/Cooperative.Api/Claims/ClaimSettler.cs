using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Api.Audit;
using Cooperative.Api.Benefits;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// Settles a claim in one transaction: the person's yearly usage row is locked first, so that two windows or
/// facilities settling for the same person at once are served one after the other and never pass the annual
/// cap, nor both miss the other's claim for the same bill; then the duplicate rule, the calculator, the usage,
/// the claim and the ledger entry are written together or not at all.
/// </summary>
internal sealed class ClaimSettler(CooperativeDbContext db, ClaimParties parties, FundLedger ledger, IConfiguration config,
    ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The source type of a claim reversal's journal entry (its source id is the claim number).</summary>
    public const string ReversalSource = "claim-reversal";

    public const string ResubmittedFlag = "resubmitted";

    public const string DeliveryPatientMale = "delivery_patient_male";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <param name="category">The patient's assisted category when the caller has read it already (else read here if the policy needs it).</param>
    public async Task<Refusal?> SettleAsync(Claim claim, PolicyInForce policy, IReadOnlyList<BillLine> lines, CancellationToken ct,
        Domain.Enrollment.PersonCategory? category = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var usage = await parties.LockUsageAsync(claim.EnrollmentId, ct);
        // Read after the lock: every other claim of this person that settled before us is committed and seen here.
        var review = await ReviewAsync(claim, ct);
        if (review.SameBill) return DuplicateInvoice(claim.InvoiceNumber);
        if (review.Duplicate is { } duplicate)
            return Refusal.Conflict(ClaimErrors.SuspectedDuplicate, "疑似重复报销：同一机构同一住院期间已有报销单",
                $"该患者在同一医疗机构 {duplicate.Admission:yyyy-MM-dd} 至 {duplicate.Discharge:yyyy-MM-dd} 的住院已由报销单 {duplicate.Number} 报销");

        var (input, referral) = await InputAsync(claim, policy, lines, usage, category, ct);
        var settlement = ReimbursementCalculator.Calculate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? entryId = null;
        if (settlement.Payout > 0)
        {
            var posted = await ledger.PostAsync(new JournalDraft(clock.Today(), $"{ChannelText(claim)}补偿 {claim.Number}", "claim", claim.Number,
                EntryLines(claim, settlement)), ct);
            if (!posted.Succeeded) return posted.ToRefusal();
            entryId = posted.Entry!.Id;
        }
        await parties.ApplyUsageAsync(claim.EnrollmentId, settlement.Usage, 1, usage, ct);
        var flags = review.Flags(settlement.Total >= config.GetValue("Claims:HighCostThreshold", 50_000m));
        // A delivery diagnosis on a man's bill is a coding error or a bill for someone else: paid only after a reviewer looks.
        if (settlement.Benefit == BenefitKind.Delivery
            && await db.Persons.AsNoTracking().AnyAsync(p => p.Id == claim.PersonId && p.Gender == Domain.Identity.Gender.Male, ct))
            flags.Add(DeliveryPatientMale);
        if (claim.RecordSettlement(policy.Version, settlement, JsonSerializer.Serialize(settlement, Json), entryId, flags,
                review.Note(flags), now, actor.Current.Name, referral) is { } refused)
            return refused;
        // Only rows added: one command of multi-row INSERTs on MariaDB. Otherwise SaveChanges, without a savepoint around
        // it (two round trips): if it fails, the whole transaction is rolled back anyway.
        if (!await AddedRowsWriter.TrySaveAsync(db, ct))
        {
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Reverses a settled claim: the ledger entry is mirrored and the person's usage given back, together. If the
    /// money had gone out, what was paid is owed back: a resident's refund (the mirror debits the refund
    /// receivable instead of the payable that was cleared), or a deduction from the facility's next monthly
    /// settlement (the mirror debits what the fund owes the facility).
    /// </summary>
    public async Task<Refusal?> ReverseAsync(Claim claim, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Guid? reversalId = null;
        RecoveryKind? recovery = claim.WasPaid
            ? claim.Channel switch { ClaimChannel.Window => RecoveryKind.ResidentRefund, ClaimChannel.Facility => RecoveryKind.FacilityDeduction }
            : null;
        if (claim.SettlementEntryId is { } entryId)
        {
            var usage = await parties.LockUsageAsync(claim.EnrollmentId, ct);
            var swaps = recovery == RecoveryKind.ResidentRefund
                ? new Dictionary<string, string> { [ChartOfAccounts.PayableToResidents] = ChartOfAccounts.RefundReceivableResidents }
                : null;
            var posted = await ledger.ReverseAsync(entryId, clock.Today(), $"冲销报销单 {claim.Number}：{reason}", ReversalSource, claim.Number, ct, swaps);
            if (!posted.Succeeded) return posted.ToRefusal();
            reversalId = posted.Entry!.Id;
            await parties.ApplyUsageAsync(claim.EnrollmentId, claim.UsageAdded, -1, usage, ct);
        }
        if (claim.RecordReversal(reversalId, recovery, clock.GetUtcNow().UtcDateTime, actor.Current.Name, reason) is { } refused) return refused;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// The settlement's entry: the basic fund's expense of the claim's kind and level, a receivable from each other
    /// payer the county advances for (大病保险, 医疗救助), and what is owed to the facility or the resident for all of it.
    /// </summary>
    private static List<JournalLineDraft> EntryLines(Claim claim, Settlement settlement)
    {
        var lines = new List<JournalLineDraft>();
        if (settlement.Reimbursement > 0)
            lines.Add(JournalLineDraft.Dr(ChartOfAccounts.ClaimExpense(settlement.Benefit, claim.FacilityLevel), settlement.Reimbursement));
        foreach (var payer in settlement.Payers.Where(p => p.Amount > 0))
            lines.Add(JournalLineDraft.Dr(ChartOfAccounts.ReceivableFrom(payer.Payer), payer.Amount));
        lines.Add(claim.Channel switch
        {
            ClaimChannel.Facility => JournalLineDraft.Cr(ChartOfAccounts.PayableToFacilities, settlement.Payout, claim.FacilityCode),
            ClaimChannel.Window => JournalLineDraft.Cr(ChartOfAccounts.PayableToResidents, settlement.Payout),
        });
        return lines;
    }

    /// <summary>
    /// What the calculator needs besides the bill: the diseases certified for the person on the service date, his
    /// assisted category, and whether a claimed referral matches a filing in force (and the filing, or why not).
    /// </summary>
    private async Task<(CalculationInput Input, string? Referral)> InputAsync(Claim claim, PolicyInForce policy, IReadOnlyList<BillLine> lines,
        PriorUse usage, Domain.Enrollment.PersonCategory? knownCategory, CancellationToken ct)
    {
        var rules = policy.Rules;
        var serviceDate = Domain.Enrollment.CoverageRule.ServiceDate(claim.VisitType, claim.AdmissionDate, claim.DischargeDate);
        IReadOnlyList<string> certified = [];
        if (claim.VisitType == VisitType.Outpatient && rules.ChronicGroups.Count > 0)
            certified = (await db.DiseaseCertifications.InForceAsync(claim.PersonId, serviceDate, ct)).Select(c => c.DiseaseCode).ToList();
        string? category = null;
        if (rules.Assistance is not null)
            category = Vocabulary.Code(knownCategory
                                       ?? await db.Persons.AsNoTracking().Where(p => p.Id == claim.PersonId).Select(p => p.Category).SingleAsync(ct));
        var referral = new ReferralDecision(claim.Referred, null, null);
        if (claim.Referred && claim.FacilityLevel == FacilityLevel.OutsideCounty)
        {
            var filings = (await db.ReferralFilings.AsNoTracking().Where(r => r.PersonId == claim.PersonId).ToListAsync(ct))
                .Select(r => new ReferralFact(r.Number, r.DiagnosisCode, r.DestinationKey, r.ValidFrom, r.LastDay, r.FiledOn));
            referral = ReferralRule.Decide(true, claim.FacilityLevel, ClaimKeys.FacilityKey(claim.FacilityCode, claim.FacilityName),
                claim.DiagnosisCode, claim.AdmissionDate, filings);
        }
        var input = new CalculationInput(rules, claim.FacilityLevel, claim.VisitType, referral.Referred, lines, usage)
        {
            DiagnosisCode = claim.DiagnosisCode, CertifiedDiseases = certified, AssistanceCategory = category, ReferralNote = referral.Note,
        };
        return (input, referral.FilingNumber);
    }

    /// <summary>What a reviewer must look at: the duplicate rule against the person's other claims, a readmission, a resubmitted bill.</summary>
    private async Task<Review> ReviewAsync(Claim claim, CancellationToken ct)
    {
        var others = await db.Claims.AsNoTracking()
            .Where(c => c.PersonId == claim.PersonId && c.Id != claim.Id
                        && ((c.AdmissionDate <= claim.DischargeDate && c.DischargeDate >= claim.AdmissionDate.AddDays(-ClaimRules.ReadmissionDays))
                            || c.BillKey == claim.BillKey))
            .Select(c => new { c.Number, c.FacilityCode, c.FacilityName, c.BillKey, c.VisitType, c.AdmissionDate, c.DischargeDate, c.Total, c.Status })
            .ToListAsync(ct);
        var standing = others.Where(o => o.Status.Stands()).ToList();
        var finding = DuplicateRule.Check(Facts(claim.Number, claim.FacilityCode, claim.FacilityName, claim.VisitType, claim.AdmissionDate,
                claim.DischargeDate, claim.Total),
            standing.Where(o => o.AdmissionDate <= claim.DischargeDate && o.DischargeDate >= claim.AdmissionDate)
                .Select(o => Facts(o.Number, o.FacilityCode, o.FacilityName, o.VisitType, o.AdmissionDate, o.DischargeDate, o.Total)));
        var readmission = claim.VisitType == VisitType.Inpatient
            ? standing.FirstOrDefault(o => o.VisitType == VisitType.Inpatient && o.DischargeDate <= claim.AdmissionDate
                                           && o.DischargeDate >= claim.AdmissionDate.AddDays(-ClaimRules.ReadmissionDays))?.Number
            : null;
        var resubmitted = others.Where(o => !o.Status.Stands() && o.BillKey == claim.BillKey).Select(o => o.Number).FirstOrDefault();
        return new Review(standing.Any(o => o.BillKey == claim.BillKey), finding.Duplicate, finding.Holds, readmission, resubmitted);
    }

    private static BillFacts Facts(string number, string? code, string name, VisitType visit, DateOnly admission, DateOnly discharge,
        decimal total) => new(number, ClaimKeys.FacilityKey(code, name), visit, admission, discharge, total);

    /// <summary>The bill is already claimed by a claim that stands (another person's is refused by the unique InvoiceKey on saving).</summary>
    public static Refusal DuplicateInvoice(string invoiceNumber) =>
        Refusal.Conflict(ClaimErrors.DuplicateInvoice, "该发票已报销过，不能重复报销", $"发票号 {invoiceNumber.Trim()} 已有报销记录");

    private sealed record Review(bool SameBill, BillFacts? Duplicate, IReadOnlyList<(string Flag, string OtherNumber)> Holds, string? Readmission,
        string? Resubmitted)
    {
        public List<string> Flags(bool highCost)
        {
            var flags = new List<string>();
            if (highCost) flags.Add(Vocabulary.Code(ReviewReason.HighCost));
            if (Readmission is not null) flags.Add(Vocabulary.Code(ReviewReason.Readmission15Days));
            flags.AddRange(Holds.Select(h => h.Flag).Distinct());
            if (Resubmitted is not null) flags.Add(ResubmittedFlag);
            return flags;
        }

        public string? Note(List<string> flags)
        {
            if (flags.Count == 0) return null;
            var related = Holds.Select(h => $"{h.Flag}：{h.OtherNumber}").ToList();
            if (Readmission is { } r) related.Add($"readmission_15d：{r}");
            if (Resubmitted is { } s) related.Add($"{ResubmittedFlag}：{s}");
            var note = $"自动标记：{string.Join("、", flags)}" + (related.Count == 0 ? "" : $"（相关报销单 {string.Join("；", related)}）");
            return note.Length <= 500 ? note : note[..500];
        }
    }

    private static string ChannelText(Claim claim) => claim.Channel switch { ClaimChannel.Facility => "即时结报", ClaimChannel.Window => "窗口" };
}
