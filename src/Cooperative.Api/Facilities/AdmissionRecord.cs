using Cooperative.Api.Audit;
using Cooperative.Domain.Facilities;

namespace Cooperative.Api.Facilities;

/// <summary>
/// The decision on an application for designation (准入审核记录): what the facility declared, every published
/// condition with its outcome, the result, and who decided. Never edited; a new application gets a new record.
/// </summary>
public sealed class AdmissionRecord : IImmutable
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string FacilityCode { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public required int LicensedDoctors { get; init; }
    public required DateOnly LicenceValidUntil { get; init; }
    public required DateOnly OpenedOn { get; init; }
    public required bool HasInformationSystem { get; init; }
    public required bool PublishesPrices { get; init; }
    public required bool NoSeriousViolations { get; init; }
    public required List<ConditionOutcome> Conditions { get; init; }
    public required bool Admitted { get; init; }
    public string? Note { get; init; }
    public required DateTime DecidedUtc { get; init; }
    public required string DecidedBy { get; init; }
}
