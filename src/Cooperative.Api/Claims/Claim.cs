using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Claims;

/// <summary>How a claim came in: a facility's direct settlement (即时结报) or a paper claim at the window (窗口受理).</summary>
public enum ClaimChannel { Facility, Window }

/// <summary>The life of a claim. Settled money changes only by a reversal, never by editing.</summary>
public enum ClaimStatus { Submitted, PendingDocuments, Settled, UnderReview, Approved, Rejected, Paid, Reversed }

/// <summary>The documents a window claim needs (报销材料).</summary>
public enum RequiredDocument
{
    /// <summary>合作医疗证或身份证</summary>
    IdCard,
    /// <summary>医疗费用发票</summary>
    Invoices,
    /// <summary>费用明细清单</summary>
    ItemizedList,
    /// <summary>出院小结 (inpatients)</summary>
    DischargeSummary,
    /// <summary>转诊证明 (where referral is claimed)</summary>
    ReferralForm,
}

public enum PaymentMethod { Cash, BankTransfer }

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
    /// <summary>Facility and invoice while the claim stands: a second claim on the same invoice is refused.</summary>
    public string? InvoiceKey { get; private set; }
    public required string InvoiceNumber { get; init; }

    public required Guid PersonId { get; init; }
    public required string IdNumber { get; init; }
    public required string PatientName { get; init; }
    public required Guid EnrollmentId { get; init; }
    public required int FundYear { get; init; }

    public required VisitType VisitType { get; init; }
    public required DateOnly AdmissionDate { get; init; }
    public required DateOnly DischargeDate { get; init; }
    public required string DiagnosisCode { get; init; }
    public required bool Referred { get; init; }

    public required string SubmittedBy { get; init; }
    public required DateTime SubmittedUtc { get; init; }
    public string? IdempotencyKey { get; init; }
    public required string RequestHash { get; init; }
    /// <summary>Documents handed in at the window, comma-separated.</summary>
    public string ProvidedDocuments { get; private set; } = "";

    public int? PolicyVersion { get; private set; }
    public decimal Total { get; private set; }
    public decimal Eligible { get; private set; }
    public decimal Reimbursement { get; private set; }
    public decimal PatientShare { get; private set; }
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

    public List<ClaimLine> Lines { get; init; } = [];
    public List<ClaimStatusChange> History { get; init; } = [];

    public bool HasMoney => Status is ClaimStatus.Settled or ClaimStatus.UnderReview or ClaimStatus.Approved or ClaimStatus.Paid
                            && Reimbursement > 0;

    public void Open(string invoiceKey, IEnumerable<RequiredDocument> provided, DateTime at, string by)
    {
        InvoiceKey = invoiceKey;
        ProvidedDocuments = string.Join(',', provided.Distinct().Order());
        Move(ClaimStatus.Submitted, at, by, null);
    }

    public void AddDocuments(IEnumerable<RequiredDocument> provided) =>
        ProvidedDocuments = string.Join(',', Documents.Union(provided).Distinct().Order());

    public IReadOnlyList<RequiredDocument> Documents =>
        ProvidedDocuments.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RequiredDocument>).ToList();

    public void AwaitDocuments(DateTime at, string by, string missing) => Move(ClaimStatus.PendingDocuments, at, by, missing);

    public void RecordSettlement(int policyVersion, Settlement s, string settlementJson, Guid? entryId, IReadOnlyList<string> flags,
        DateTime at, string by)
    {
        PolicyVersion = policyVersion;
        Total = s.Total;
        Eligible = s.Eligible;
        Reimbursement = s.Reimbursement;
        PatientShare = s.PatientShare;
        SettlementJson = settlementJson;
        SettlementEntryId = entryId;
        SettledUtc = at;
        Flags = flags.Count == 0 ? null : string.Join(',', flags);
        Move(ClaimStatus.Settled, at, by, null);
        if (flags.Count > 0) Move(ClaimStatus.UnderReview, at, by, $"自动标记：{string.Join("、", flags)}");
    }

    public void Approve(DateTime at, string by, string? note)
    {
        ReviewNote = note;
        ReviewedBy = by;
        Move(ClaimStatus.Approved, at, by, note);
    }

    public void Reject(DateTime at, string by, string reason)
    {
        ReviewNote = reason;
        ReviewedBy = by;
        InvoiceKey = null;
        Move(ClaimStatus.Rejected, at, by, reason);
    }

    public void RecordReversal(Guid? entryId, DateTime at, string by, string reason)
    {
        ReversalEntryId = entryId;
        InvoiceKey = null;
        Move(ClaimStatus.Reversed, at, by, reason);
    }

    public void RecordPayment(PaymentMethod method, string? account, Guid entryId, DateTime at, string by)
    {
        PaymentMethod = method;
        PaymentAccount = account;
        PaymentEntryId = entryId;
        PaidUtc = at;
        Move(ClaimStatus.Paid, at, by, method == Claims.PaymentMethod.Cash ? "现金支付" : "银行转账");
    }

    private void Move(ClaimStatus to, DateTime at, string by, string? note)
    {
        History.Add(new ClaimStatusChange { ClaimId = Id, Seq = History.Count + 1, From = History.Count == 0 ? null : Status, To = to, AtUtc = at, By = by, Note = note });
        Status = to;
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
