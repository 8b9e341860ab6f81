namespace Cooperative.Api.Fund;

/// <summary>
/// Cumulative debit and credit totals of an account up to the end of a closed period (期末余额快照). Balances at
/// any date start from the latest snapshot before it, so a trial balance never sums the whole journal.
/// </summary>
public sealed class PeriodBalance : Audit.IImmutable
{
    public required int Period { get; init; }
    public required string AccountCode { get; init; }
    public required decimal Debit { get; init; }
    public required decimal Credit { get; init; }
}
