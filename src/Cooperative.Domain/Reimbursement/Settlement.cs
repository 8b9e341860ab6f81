namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// The settlement (结算单) of one claim, step by step so a statement can show each line. The intermediate
/// amounts are rounded to the fen for display only; <see cref="Reimbursement"/> is computed from the unrounded
/// values and rounded once. The displayed steps reconcile exactly:
/// BeforeCaps − PerVisitCapApplied − CapCut = Reimbursement, and Reimbursement + Σ payers' amounts + PatientShare = Total.
/// The basic fund's steps come first; then each other payer of the one-stop settlement (<see cref="Payers"/>), in order.
/// </summary>
/// <param name="Total">费用总额: sum of all lines.</param>
/// <param name="Excluded">目录外/自费: sum of excluded lines.</param>
/// <param name="PartlySelfPaid">乙类先行自付: Σ Amount × SelfPayShare over partly covered lines.</param>
/// <param name="Eligible">可报销费用: Total − Excluded − PartlySelfPaid.</param>
/// <param name="DeductibleApplied">起付线: min(deductible, eligible); 0 for outpatient.</param>
/// <param name="Bands">分段计算: the bands with a positive amount (outpatient: one band from 0 at the ratio).</param>
/// <param name="RatioReduction">未转诊降低的比例 (0 when none).</param>
/// <param name="BeforeCaps">Sum of band payables, before any cap.</param>
/// <param name="PerVisitCapApplied">Amount cut by the outpatient per-visit cap (每次封顶); 0 for inpatient.</param>
/// <param name="AnnualCap">年度封顶线 of the visit type.</param>
/// <param name="CapRemainingBefore">Annual cap less this year's earlier reimbursements of the same type, not below 0.</param>
/// <param name="CapCut">Amount cut by the annual cap.</param>
/// <param name="Reimbursement">补偿金额: what the fund pays.</param>
/// <param name="PatientShare">个人自付: Total − Reimbursement − what the other payers pay.</param>
/// <param name="CapRemainingAfter">Annual cap still available after this claim.</param>
public sealed record Settlement(
    decimal Total,
    decimal Excluded,
    decimal PartlySelfPaid,
    decimal Eligible,
    decimal DeductibleApplied,
    IReadOnlyList<BandShare> Bands,
    decimal RatioReduction,
    decimal BeforeCaps,
    decimal PerVisitCapApplied,
    decimal AnnualCap,
    decimal CapRemainingBefore,
    decimal CapCut,
    decimal Reimbursement,
    decimal PatientShare,
    decimal CapRemainingAfter)
{
    /// <summary>The kind of benefit the basic fund paid under (stored claims from before kinds: their visit's general kind).</summary>
    public BenefitKind Benefit { get; init; }

    /// <summary>For a chronic-disease claim, the group's code and name.</summary>
    public string? BenefitGroup { get; init; }

    public string? BenefitGroupName { get; init; }

    /// <summary>For a delivery, the fixed subsidy of the level (capped at the eligible amount).</summary>
    public decimal? DeliverySubsidy { get; init; }

    /// <summary>For a delivery whose policy compares, what the inpatient rule would pay before caps.</summary>
    public decimal? InpatientRuleAmount { get; init; }

    /// <summary>Why the claim was paid as it was (no certification, referral not filed...), in Chinese.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The other payers, after the basic fund, in the order they paid.</summary>
    public IReadOnlyList<PayerShare> Payers { get; init; } = [];

    /// <summary>What the settlement adds to the person's yearly usage, by pot (<see cref="UsagePots"/>).</summary>
    public IReadOnlyDictionary<string, decimal> Usage { get; init; } = new Dictionary<string, decimal>();

    /// <summary>What one payer pays (0 when it does not take part).</summary>
    public decimal PaidBy(Payer payer) => Payers.Where(p => p.Payer == payer).Sum(p => p.Amount);

    /// <summary>What the county pays out for the claim: the basic fund and every other payer (the county advances them).</summary>
    public decimal Payout => Reimbursement + Payers.Sum(p => p.Amount);
}
