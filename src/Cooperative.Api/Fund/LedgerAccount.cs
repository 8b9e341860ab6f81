using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Fund;

/// <summary>An account of the chart, as stored so that journal lines reference it (seeded from the domain's chart).</summary>
public sealed class LedgerAccount
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required AccountType Type { get; init; }
}
