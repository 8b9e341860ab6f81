using Cooperative.Api.Audit;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Facilities;

/// <summary>
/// A medical facility of the county, designated or applying to be (定点医疗机构). Its level and township are
/// fixed; another level would be another designation.
/// </summary>
public sealed class Facility
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required FacilityLevel Level { get; init; }
    public required FacilityOwnership Ownership { get; set; }
    public required string TownshipCode { get; init; }
    /// <summary>Where a village clinic is (村卫生室); empty for the others.</summary>
    public string? VillageCode { get; init; }
    /// <summary>执业许可证登记号.</summary>
    public required string LicenceNumber { get; set; }
    /// <summary>开户银行 of the account the fund settles to.</summary>
    public required string BankName { get; set; }
    public required string BankAccount { get; set; }
    /// <summary>法定代表人或负责人: signs the responsibility letter.</summary>
    public required string HeadName { get; set; }
    public required string Phone { get; set; }
    public FacilityStatus Status { get; private set; } = FacilityStatus.Applying;
    /// <summary>
    /// Bumped by every supervision change (a concurrency token), so that two inspections saved at once cannot
    /// both miss the warning that revokes.
    /// </summary>
    public int Version { get; private set; }
    public required DateTime CreatedUtc { get; init; }

    /// <summary>The first status of a new facility, with the history row that records it.</summary>
    public FacilityStatusChange Open(FacilityStatus status, string reason, DateTime atUtc, string by)
    {
        Status = status;
        return new FacilityStatusChange { FacilityCode = Code, From = null, To = status, Reason = reason, AtUtc = atUtc, By = by };
    }

    /// <summary>Changes the status if the transition is allowed; returns the history row, or null when it is not.</summary>
    public FacilityStatusChange? ChangeStatus(FacilityStatus to, string reason, DateTime atUtc, string by)
    {
        if (!FacilityStatusTransitions.IsAllowed(Status, to)) return null;
        var change = new FacilityStatusChange { FacilityCode = Code, From = Status, To = to, Reason = reason, AtUtc = atUtc, By = by };
        Status = to;
        Version++;
        return change;
    }

    /// <summary>Marks a supervision change that leaves the status as it is (see <see cref="Version"/>).</summary>
    public void Touch() => Version++;
}

/// <summary>One change of a facility's status (定点资格变更记录): from, to, why, when, by whom. Never edited.</summary>
public sealed class FacilityStatusChange : IImmutable
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string FacilityCode { get; init; }
    public FacilityStatus? From { get; init; }
    public required FacilityStatus To { get; init; }
    public required string Reason { get; init; }
    public required DateTime AtUtc { get; init; }
    public required string By { get; init; }
}
