namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// A band (分段) of the eligible amount above the deductible, paid at <see cref="Ratio"/>.
/// </summary>
/// <param name="UpperLimit">
/// Absolute eligible amount in yuan where the band ends (e.g. 5000: the band covers eligible amounts up to
/// 5,000); null for the last, unbounded band.
/// </param>
/// <param name="Ratio">Reimbursement ratio (报销比例) as a fraction 0..1.</param>
public sealed record CostBand(decimal? UpperLimit, decimal Ratio);
