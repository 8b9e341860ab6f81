using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Policy;

/// <summary>Government subsidy per enrolled person (财政补助), by level of government.</summary>
public sealed record SubsidyShares(decimal Central, decimal Province, decimal County)
{
    public decimal Total => Central + Province + County;
}

/// <summary>
/// The reimbursement policy of a fund year as it stands on a date: one version of it. Every claim and
/// receipt records the version it was settled under.
/// </summary>
public sealed record PolicyInForce(
    int FundYear,
    int Version,
    decimal IndividualContribution,
    SubsidyShares Subsidy,
    decimal RiskReserveShare,
    int ClaimDeadlineDays,
    PolicyRules Rules);

/// <summary>Where features read the policy from; the policy feature keeps the versions.</summary>
public interface IPolicyStore
{
    /// <summary>The version in force for <paramref name="fundYear"/> on <paramref name="date"/>, or null if the year has no policy.</summary>
    Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, CancellationToken ct);

    /// <summary>
    /// The same, where the caller has read the year's newest version (<paramref name="newest"/>, null for a year without
    /// one) in a query of its own, in the same round trip as what it needed anyway.
    /// </summary>
    Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, PolicyStamp? newest, CancellationToken ct) =>
        InForceAsync(fundYear, date, ct);
}

/// <summary>A year's newest policy version: its number and when it was last changed (a cached policy built under another is stale).</summary>
public sealed record PolicyStamp(int Version, DateTime ChangedUtc)
{
    /// <summary>The stamp read as two nullable columns of a query (null when the year has no version).</summary>
    public static PolicyStamp? From(int? version, DateTime? changedUtc) => version is { } v ? new PolicyStamp(v, changedUtc!.Value) : null;
}
