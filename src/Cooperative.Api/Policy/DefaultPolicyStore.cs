using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Policy;

/// <summary>
/// Interim store: the county's default policy for every year. Replaced by the versioned, database-backed
/// store of the policy feature.
/// </summary>
internal sealed class DefaultPolicyStore : IPolicyStore
{
    public Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, CancellationToken ct) =>
        Task.FromResult<PolicyInForce?>(new PolicyInForce(fundYear, 1, 150m, new SubsidyShares(240m, 100m, 80m), 0.03m, 90,
            DefaultPolicy.Rules));
}
