using System.Linq.Expressions;
using Cooperative.Domain.Facilities;

namespace Cooperative.Api.Facilities;

/// <summary>
/// A medical service responsibility letter (医疗服务责任书) between the health bureau and one facility for one
/// term. It keeps its own copy of the duties as they stood when it was signed: editing the duties changes
/// the letters of the next term, never one already signed.
/// </summary>
public sealed class FacilityContract
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string FacilityCode { get; init; }
    public required string Number { get; init; }
    public required DateOnly TermStart { get; init; }
    public required DateOnly TermEnd { get; init; }
    public required DateOnly SignedOn { get; init; }
    /// <summary>For the health bureau (甲方).</summary>
    public required string BureauSignatory { get; init; }
    /// <summary>For the facility (乙方): its head.</summary>
    public required string FacilitySignatory { get; init; }
    public required List<ContractDuty> Duties { get; init; }
    /// <summary>The first day the letter no longer binds, when it ended early (the designation was revoked).</summary>
    public DateOnly? TerminatedOn { get; private set; }
    public string? TerminationReason { get; private set; }

    public ContractTerm Term => new(TermStart, TermEnd);

    /// <summary>The days the letter really binds: its term, cut short by a termination.</summary>
    public ContractTerm EffectiveTerm => TerminatedOn is { } end && end <= TermEnd ? new(TermStart, end.AddDays(-1)) : Term;

    public bool IsActiveOn(DateOnly date) => EffectiveTerm.Covers(date);

    public void Terminate(DateOnly on, string reason)
    {
        if (TerminatedOn is not null) return;
        TerminatedOn = on < TermStart ? TermStart : on;
        TerminationReason = reason;
    }

    /// <summary>The same test as <see cref="IsActiveOn"/>, for queries.</summary>
    public static Expression<Func<FacilityContract, bool>> ActiveOn(string facilityCode, DateOnly date) => c =>
        c.FacilityCode == facilityCode && c.TermStart <= date && c.TermEnd >= date && (c.TerminatedOn == null || c.TerminatedOn > date);
}

/// <summary>One duty of the facility as written in a signed letter (职责).</summary>
public sealed record ContractDuty(int Number, string Title, string Description);

/// <summary>
/// A duty of the responsibility letter as it will be written into the next letters signed (责任书职责条款):
/// reference data, seeded from the county's duties.csv and edited by administrators.
/// </summary>
public sealed class Duty
{
    public required int Number { get; init; }
    public required string Title { get; set; }
    public required string Description { get; set; }
}
