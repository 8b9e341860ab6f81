namespace Cooperative.Api.Policy;

/// <summary>
/// One version of a fund year's reimbursement policy (年度补偿方案). Version 1 is editable until the year
/// starts; after that a change is a new version effective from a date, and versions are never edited again.
/// The rules by facility level are kept as JSON documents of the domain's rule records.
/// </summary>
public sealed class FundYearPolicy
{
    public required int FundYear { get; init; }
    public required int Version { get; init; }
    public required DateOnly EffectiveFrom { get; set; }
    /// <summary>个人缴费标准 per person.</summary>
    public required decimal IndividualContribution { get; set; }
    public required decimal SubsidyCentral { get; set; }
    public required decimal SubsidyProvince { get; set; }
    public required decimal SubsidyCounty { get; set; }
    /// <summary>风险基金提取比例 of income, e.g. 0.03.</summary>
    public required decimal RiskReserveShare { get; set; }
    /// <summary>报销时限: days after discharge or the visit.</summary>
    public required int ClaimDeadlineDays { get; set; }
    /// <summary>住院年度封顶线 per person.</summary>
    public required decimal InpatientAnnualCap { get; set; }
    /// <summary>未转诊降低的比例 (percentage points as a fraction) outside the county.</summary>
    public required decimal NoReferralReduction { get; set; }
    public required string InpatientRulesJson { get; set; }
    public required string OutpatientRulesJson { get; set; }
    /// <summary>The special benefit kinds (chronic-disease groups, delivery) as JSON; null when the year has none.</summary>
    public string? BenefitRulesJson { get; set; }
    /// <summary>The other payers of the one-stop settlement (catastrophic insurance, assistance) as JSON; null when none.</summary>
    public string? PayerRulesJson { get; set; }
    public required DateTime ChangedUtc { get; set; }
}
