namespace Cooperative.Domain.Reimbursement;

/// <summary>Inpatient rule (住院补偿) of one facility level: deductible (起付线) then ratio bands.</summary>
/// <param name="Level">The facility level this rule applies to.</param>
/// <param name="Deductible">起付线 per admission, in yuan.</param>
/// <param name="Bands">Bands of the eligible amount above the deductible, in increasing order; the last is unbounded.</param>
public sealed record InpatientRule(FacilityLevel Level, decimal Deductible, IReadOnlyList<CostBand> Bands);
