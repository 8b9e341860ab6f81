using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>
/// Status changes of a designation with what goes with them: the history row, and on revocation the end of
/// the responsibility letters. Nothing is saved here; the caller saves with its own change.
/// </summary>
public sealed class Supervision(CooperativeDbContext db, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The letter in force today, if any.</summary>
    public Task<Guid?> CurrentContractIdAsync(string facilityCode, CancellationToken ct) =>
        db.FacilityContracts.Where(FacilityContract.ActiveOn(facilityCode, clock.Today())).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Uncorrected written warnings under the letter in force today (0 when none is).</summary>
    public async Task<int> UncorrectedWarningsAsync(string facilityCode, CancellationToken ct) =>
        await CurrentContractIdAsync(facilityCode, ct) is { } id ? await UncorrectedWarningsAsync(id, ct) : 0;

    /// <summary>
    /// Uncorrected written warnings of one letter's term as saved (pending changes are not seen), leaving out
    /// one finding if asked (the one being corrected).
    /// </summary>
    public Task<int> UncorrectedWarningsAsync(Guid contractId, CancellationToken ct, Guid? except = null) =>
        db.Findings.CountAsync(f => f.ContractId == contractId && f.Warning && f.CorrectedOn == null && f.Id != except, ct);

    /// <summary>Changes the status (null when the transition is not allowed); revocation ends the letters from today.</summary>
    public async Task<FacilityStatusChange?> ChangeStatusAsync(Facility facility, FacilityStatus to, string reason, CancellationToken ct)
    {
        var change = facility.ChangeStatus(to, reason, clock.GetUtcNow().UtcDateTime, actor.Current.Name);
        if (change is null) return null;
        db.FacilityStatusChanges.Add(change);
        if (to == FacilityStatus.Revoked)
        {
            var today = clock.Today();
            var binding = await db.FacilityContracts
                .Where(c => c.FacilityCode == facility.Code && c.TermEnd >= today && (c.TerminatedOn == null || c.TerminatedOn > today))
                .ToListAsync(ct);
            foreach (var contract in binding) contract.Terminate(today, $"取消定点：{reason}");
        }
        return change;
    }
}
