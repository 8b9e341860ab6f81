namespace Cooperative.Domain.Reimbursement;

/// <summary>The part of a claim's eligible amount that fell into one band (分段计算).</summary>
/// <param name="From">Eligible amount where the band starts (the deductible for the first band).</param>
/// <param name="To">Eligible amount where the band ends; null when unbounded.</param>
/// <param name="Amount">Eligible amount falling in the band (rounded to the fen for display).</param>
/// <param name="Ratio">Effective ratio, after any no-referral reduction.</param>
/// <param name="Payable">Amount × Ratio (rounded to the fen for display).</param>
public sealed record BandShare(decimal From, decimal? To, decimal Amount, decimal Ratio, decimal Payable);
