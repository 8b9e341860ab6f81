namespace Cooperative.Domain.Reimbursement;

/// <summary>Outpatient rule (门诊补偿) of one facility level.</summary>
/// <param name="Level">The facility level this rule applies to.</param>
/// <param name="Ratio">报销比例 as a fraction 0..1; 0 means outpatient care at this level is not covered.</param>
/// <param name="CapPerVisit">每次封顶 in yuan.</param>
/// <param name="CapPerYear">每人每年封顶 in yuan.</param>
public sealed record OutpatientRule(FacilityLevel Level, decimal Ratio, decimal CapPerVisit, decimal CapPerYear);
