using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Claims;

/// <summary>How a claim came in: a facility's direct settlement (即时结报) or a paper claim at the window (窗口受理).</summary>
public enum ClaimChannel { [Label("定点机构直接结算")] Facility, [Label("窗口报销")] Window }

/// <summary>The documents a window claim needs (报销材料).</summary>
public enum RequiredDocument
{
    /// <summary>合作医疗证或身份证</summary>
    [Label("合作医疗证或身份证")]
    IdCard,
    /// <summary>医疗费用发票</summary>
    [Label("医疗费用发票")]
    Invoices,
    /// <summary>费用明细清单</summary>
    [Label("费用明细清单")]
    ItemizedList,
    /// <summary>出院小结 (inpatients)</summary>
    [Label("出院小结")]
    DischargeSummary,
    /// <summary>转诊证明 (where referral is claimed)</summary>
    [Label("转诊证明")]
    ReferralForm,
}

public enum PaymentMethod { [Label("现金")] Cash, [Label("银行转账")] BankTransfer }

/// <summary>
/// What the county is owed back when a paid claim is rejected or reversed (追回): a deduction from the facility's
/// next monthly settlement (即时结报), or a refund the resident pays back at the window (窗口报销).
/// </summary>
public enum RecoveryKind { [Label("从机构结算款扣回")] FacilityDeduction, [Label("参合人员退回")] ResidentRefund }

/// <summary>
/// A reimbursement claim (补偿申请): who was treated where and when, the itemized bill, and once settled the
/// policy version used and the calculator's full breakdown.
/// </summary>
public sealed class Claim
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public required ClaimChannel Channel { get; init; }
    public ClaimStatus Status { get; private set; } = ClaimStatus.Submitted;

    public string? FacilityCode { get; init; }
    public required string FacilityName { get; init; }
    public required FacilityLevel FacilityLevel { get; init; }
    /// <summary>
    /// The bill's identity: the facility (its register code, or the normal form of a name outside the county) and
    /// the invoice number's normal form (<see cref="BillText.InvoiceKey"/>). Kept for ever, for the history of a bill.
    /// </summary>
    public required string BillKey { get; init; }
    /// <summary><see cref="BillKey"/> while the claim stands (unique): a second claim on the same bill is refused.</summary>
    public string? InvoiceKey { get; private set; }
    public required string InvoiceNumber { get; init; }

    public required Guid PersonId { get; init; }
    public required string IdNumber { get; init; }
    public required string PatientName { get; init; }
    public required Guid EnrollmentId { get; init; }
    public required int FundYear { get; init; }

    public required VisitType VisitType { get; init; }
    /// <summary>The benefit kind the claim was paid under, decided at settlement (before that, its visit's general kind).</summary>
    public BenefitKind Benefit { get; private set; }
    /// <summary>For a chronic-disease claim, the group of the disease list it was paid under.</summary>
    public string? BenefitGroup { get; private set; }
    public required DateOnly AdmissionDate { get; init; }
    public required DateOnly DischargeDate { get; init; }
    public required string DiagnosisCode { get; init; }
    /// <summary>Whether the bill says the patient was referred (转诊); it counts only with a filing in force (<see cref="ReferralFiling"/>).</summary>
    public required bool Referred { get; init; }
    /// <summary>The referral filing (转诊备案) that the claimed referral matched at settlement.</summary>
    public string? ReferralFiling { get; private set; }

    public required string SubmittedBy { get; init; }
    public required DateTime SubmittedUtc { get; init; }
    public string? IdempotencyKey { get; init; }
    public required string RequestHash { get; init; }
    /// <summary>Documents handed in at the window, comma-separated.</summary>
    public string ProvidedDocuments { get; private set; } = "";

    public int? PolicyVersion { get; private set; }
    /// <summary>费用总额: the bill's total, known from submission on (the duplicate rule compares it).</summary>
    public required decimal Total { get; init; }
    public decimal Eligible { get; private set; }
    public decimal Reimbursement { get; private set; }
    /// <summary>大病保险: what catastrophic illness insurance pays (the county advances it and claims it back).</summary>
    public decimal CatastrophicPaid { get; private set; }
    /// <summary>医疗救助: what medical assistance pays (the county advances it and claims it back).</summary>
    public decimal AssistancePaid { get; private set; }
    /// <summary>个人自付: what remains for the patient after every payer.</summary>
    public decimal PatientShare { get; private set; }
    /// <summary>
    /// The eligible cost the basic fund left to the resident, counted towards the catastrophic threshold (0 in a year
    /// without catastrophic insurance).
    /// </summary>
    public decimal CatastrophicBase { get; private set; }
    public string? SettlementJson { get; private set; }
    public DateTime? SettledUtc { get; private set; }
    public string? Flags { get; private set; }

    public Guid? SettlementEntryId { get; private set; }
    public Guid? ReversalEntryId { get; private set; }
    public Guid? PaymentEntryId { get; private set; }
    public PaymentMethod? PaymentMethod { get; private set; }
    public string? PaymentAccount { get; private set; }
    public DateTime? PaidUtc { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }

    public RecoveryKind? RecoveryKind { get; private set; }
    /// <summary>What the county is owed back for this claim, once paid and then undone.</summary>
    public decimal RecoveryAmount { get; private set; }
    /// <summary>The entry that settled the recovery: the resident's refund, or the monthly settlement that deducted it.</summary>
    public Guid? RecoveryEntryId { get; private set; }
    public DateTime? RecoveredUtc { get; private set; }
    /// <summary>Bumped by every change of status: two windows or reviewers acting at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public List<ClaimLine> Lines { get; init; } = [];
    public List<ClaimStatusChange> History { get; init; } = [];

    public bool RecoveryOutstanding => RecoveryKind is not null && RecoveredUtc is null;

    public void Open(IEnumerable<RequiredDocument> provided, DateTime at, string by)
    {
        InvoiceKey = BillKey;
        Benefit = BenefitKinds.General(VisitType);
        ProvidedDocuments = string.Join(',', provided.Distinct().Order());
        History.Add(new ClaimStatusChange { ClaimId = Id, Seq = 1, From = null, To = ClaimStatus.Submitted, AtUtc = at, By = by });
        Status = ClaimStatus.Submitted;
    }

    public void AddDocuments(IEnumerable<RequiredDocument> provided) =>
        ProvidedDocuments = string.Join(',', Documents.Union(provided).Distinct().Order());

    public IReadOnlyList<RequiredDocument> Documents =>
        ProvidedDocuments.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RequiredDocument>).ToList();

    public Refusal? AwaitDocuments(DateTime at, string by, string missing) => Move(ClaimStatus.PendingDocuments, at, by, missing);

    /// <summary>Records the settlement; a claim with flags goes on to review, where it waits for a reviewer before payment.</summary>
    public Refusal? RecordSettlement(int policyVersion, Settlement s, string settlementJson, Guid? entryId, IReadOnlyList<string> flags,
        string? holdNote, DateTime at, string by, string? referralFiling = null)
    {
        if (Refused(ClaimStatus.Settled) is { } refused) return refused;
        PolicyVersion = policyVersion;
        Eligible = s.Eligible;
        Reimbursement = s.Reimbursement;
        CatastrophicPaid = s.PaidBy(Payer.Catastrophic);
        AssistancePaid = s.PaidBy(Payer.Assistance);
        PatientShare = s.PatientShare;
        Benefit = s.Benefit;
        BenefitGroup = s.BenefitGroup;
        ReferralFiling = referralFiling;
        CatastrophicBase = s.Usage.GetValueOrDefault(UsagePots.CatastrophicBase);
        SettlementJson = settlementJson;
        SettlementEntryId = entryId;
        SettledUtc = at;
        Flags = flags.Count == 0 ? null : string.Join(',', flags);
        Move(ClaimStatus.Settled, at, by, null);
        return flags.Count > 0 ? Move(ClaimStatus.UnderReview, at, by, holdNote ?? $"自动标记：{string.Join("、", flags)}") : null;
    }

    public Refusal? Approve(DateTime at, string by, string? note)
    {
        if (Refused(ClaimStatus.Approved) is { } refused) return refused;
        ReviewNote = note;
        ReviewedBy = by;
        return Move(ClaimStatus.Approved, at, by, note);
    }

    /// <summary>A reviewer's refusal; the bill is free again for a corrected claim. A settled claim is then reversed.</summary>
    public Refusal? Reject(DateTime at, string by, string reason)
    {
        if (Refused(ClaimStatus.Rejected) is { } refused) return refused;
        ReviewNote = reason;
        ReviewedBy = by;
        InvoiceKey = null;
        return Move(ClaimStatus.Rejected, at, by, reason);
    }

    /// <summary>
    /// The settlement undone: the ledger entry mirrored (<paramref name="entryId"/>) and, if the money had gone out,
    /// what is owed back.
    /// </summary>
    public Refusal? RecordReversal(Guid? entryId, RecoveryKind? recovery, DateTime at, string by, string reason)
    {
        if (Refused(ClaimStatus.Reversed) is { } refused) return refused;
        if (Status == ClaimStatus.Rejected && SettledUtc is null) return WrongState("未结算的报销单无需冲销");
        ReversalEntryId = entryId;
        InvoiceKey = null;
        if (recovery is not null && Payout > 0)
        {
            RecoveryKind = recovery;
            RecoveryAmount = Payout;
        }
        var note = recovery is not { } kind ? reason : kind switch
        {
            Claims.RecoveryKind.FacilityDeduction => $"{reason}；已支付的 {Payout:0.00} 元从该机构下次月度结算中扣回",
            Claims.RecoveryKind.ResidentRefund => $"{reason}；已支付的 {Payout:0.00} 元应由参合人员退回",
        };
        return Move(ClaimStatus.Reversed, at, by, note);
    }

    /// <summary>What the county pays out for the claim: the basic fund and the payers it advances (the patient pays the rest).</summary>
    public decimal Payout => Reimbursement + CatastrophicPaid + AssistancePaid;

    /// <summary>What the settlement added to the person's usage, from the claim's amounts (a reversal takes it back).</summary>
    public IReadOnlyDictionary<string, decimal> UsageAdded => UsageFrom(Benefit, BenefitGroup, Reimbursement, CatastrophicBase, CatastrophicPaid, AssistancePaid);

    /// <summary><see cref="UsageAdded"/> from a claim's stored columns.</summary>
    public static IReadOnlyDictionary<string, decimal> UsageFrom(BenefitKind benefit, string? group, decimal reimbursement, decimal catastrophicBase,
        decimal catastrophic, decimal assistance)
    {
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (reimbursement != 0) usage[UsagePots.ForBasic(benefit, group)] = reimbursement;
        if (catastrophicBase != 0) usage[UsagePots.CatastrophicBase] = catastrophicBase;
        if (catastrophic != 0) usage[UsagePots.Catastrophic] = catastrophic;
        if (assistance != 0) usage[UsagePots.Assistance] = assistance;
        return usage;
    }

    /// <summary>Was this claim's money paid out (to the resident, or to the facility in a monthly settlement)?</summary>
    public bool WasPaid => PaymentEntryId is not null;

    public Refusal? RecordPayment(PaymentMethod method, string? account, Guid entryId, DateTime at, string by, string? note = null)
    {
        if (Refused(ClaimStatus.Paid) is { } refused) return refused;
        if (Payout <= 0) return WrongState("补偿金额为零的报销单无需支付");
        PaymentMethod = method;
        PaymentAccount = account;
        PaymentEntryId = entryId;
        PaidUtc = at;
        return Move(ClaimStatus.Paid, at, by, note ?? (method == Claims.PaymentMethod.Cash ? "现金支付" : "银行转账"));
    }

    /// <summary>The money owed back has come in (refund at the window) or been deducted (monthly settlement).</summary>
    public Refusal? RecordRecovery(Guid entryId, DateTime at)
    {
        if (!RecoveryOutstanding) return Refusal.Conflict(ClaimErrors.NothingToRecover, "该报销单没有待追回的款项");
        RecoveryEntryId = entryId;
        RecoveredUtc = at;
        Version++;
        return null;
    }

    private Refusal? Refused(ClaimStatus to) => ClaimStatusTransitions.Problem(Status, to) is { } problem ? WrongState(problem) : null;

    public Refusal WrongState(string detail) =>
        Refusal.Conflict(ClaimErrors.WrongState, $"报销单当前状态为“{Status.Chinese()}”，不能执行此操作", detail);

    private Refusal? Move(ClaimStatus to, DateTime at, string by, string? note)
    {
        if (Refused(to) is { } refused) return refused;
        History.Add(new ClaimStatusChange { ClaimId = Id, Seq = History.Count + 1, From = Status, To = to, AtUtc = at, By = by, Note = note });
        Status = to;
        Version++;
        return null;
    }
}

/// <summary>One line of the itemized bill (费用明细).</summary>
public sealed class ClaimLine : Audit.IAuditedWithParent
{
    public Guid ClaimId { get; init; }
    Guid Audit.IAuditedWithParent.AuditParent => ClaimId;
    public required int LineNo { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitPrice { get; init; }
    public required decimal Amount { get; init; }
    public required CatalogueStatus CatalogueStatus { get; init; }
    public required decimal SelfPayShare { get; init; }
}

/// <summary>A step in a claim's history (状态变更): never overwritten.</summary>
public sealed class ClaimStatusChange : Audit.IAuditedWithParent
{
    public Guid ClaimId { get; init; }
    Guid Audit.IAuditedWithParent.AuditParent => ClaimId;
    public required int Seq { get; init; }
    public ClaimStatus? From { get; init; }
    public required ClaimStatus To { get; init; }
    public required DateTime AtUtc { get; init; }
    public required string By { get; init; }
    public string? Note { get; init; }
}
