using Cooperative.Api.Data;
using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>How a facility kept one duty of its letter: findings, warnings, penalties and suspensions.</summary>
public sealed record DutyComplianceResponse(int Number, string Title, int Findings, int Warnings, int UncorrectedWarnings,
    decimal Penalties, int Suspensions);

public sealed record ComplianceFindingResponse(Guid Id, DateOnly InspectedOn, int DutyNumber, string DutyTitle, string Description,
    bool Warning, DateOnly? CorrectedOn, decimal Penalty, bool Suspends);

/// <summary>A facility's duty compliance record (履约记录) under one letter.</summary>
public sealed record ComplianceResponse(string FacilityCode, string FacilityName, FacilityStatus Status, string StatusName,
    string ContractNumber, DateOnly TermStart, DateOnly TermEnd, IReadOnlyList<DutyComplianceResponse> Duties,
    IReadOnlyList<ComplianceFindingResponse> Findings, int UncorrectedWarnings, decimal TotalPenalties);

internal static class Compliance
{
    /// <summary>
    /// The record under the letter in force on the date, or else the latest letter begun by then; null when the
    /// facility has none. Sums are taken in memory: SQLite stores decimals as text.
    /// </summary>
    public static async Task<ComplianceResponse?> BuildAsync(CooperativeDbContext db, Facility facility, DateOnly on, CancellationToken ct)
    {
        var contract = await db.FacilityContracts.AsNoTracking().Where(FacilityContract.ActiveOn(facility.Code, on)).FirstOrDefaultAsync(ct)
            ?? (await db.FacilityContracts.AsNoTracking().Where(c => c.FacilityCode == facility.Code && c.TermStart <= on).ToListAsync(ct))
                .OrderByDescending(c => c.TermStart).FirstOrDefault();
        if (contract is null) return null;
        var findings = await db.Findings.AsNoTracking().Where(f => f.ContractId == contract.Id).ToListAsync(ct);
        var titles = contract.Duties.ToDictionary(d => d.Number, d => d.Title);
        var duties = contract.Duties.OrderBy(d => d.Number).Select(d =>
        {
            var mine = findings.Where(f => f.DutyNumber == d.Number).ToList();
            return new DutyComplianceResponse(d.Number, d.Title, mine.Count, mine.Count(f => f.Warning),
                mine.Count(f => f.IsUncorrectedWarning), mine.Sum(f => f.Penalty), mine.Count(f => f.Suspends));
        }).ToList();
        var list = findings.OrderBy(f => f.InspectedOn).ThenBy(f => f.DutyNumber).Select(f => new ComplianceFindingResponse(f.Id,
            f.InspectedOn, f.DutyNumber, titles.GetValueOrDefault(f.DutyNumber, ""), f.Description, f.Warning, f.CorrectedOn, f.Penalty,
            f.Suspends)).ToList();
        return new ComplianceResponse(facility.Code, facility.Name, facility.Status, FacilityNames.Chinese(facility.Status),
            contract.Number, contract.TermStart, contract.TermEnd, duties, list, duties.Sum(d => d.UncorrectedWarnings),
            duties.Sum(d => d.Penalties));
    }
}
