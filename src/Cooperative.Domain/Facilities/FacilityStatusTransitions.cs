namespace Cooperative.Domain.Facilities;

/// <summary>
/// Which status may follow which. Admission designates an applicant; warnings, suspension and revocation
/// come from supervision; a suspended facility is reinstated by an administrator; a revoked one may only
/// apply again.
/// </summary>
public static class FacilityStatusTransitions
{
    private static readonly Dictionary<FacilityStatus, FacilityStatus[]> Allowed = new()
    {
        [FacilityStatus.Applying] = [FacilityStatus.Designated],
        [FacilityStatus.Designated] = [FacilityStatus.Warned, FacilityStatus.Suspended, FacilityStatus.Revoked],
        [FacilityStatus.Warned] = [FacilityStatus.Designated, FacilityStatus.Suspended, FacilityStatus.Revoked],
        [FacilityStatus.Suspended] = [FacilityStatus.Designated, FacilityStatus.Warned, FacilityStatus.Revoked],
        [FacilityStatus.Revoked] = [FacilityStatus.Applying],
    };

    public static bool IsAllowed(FacilityStatus from, FacilityStatus to) => Allowed[from].Contains(to);

    /// <summary>Designated, warned or suspended: the facility holds a designation (and a responsibility letter).</summary>
    public static bool HoldsDesignation(this FacilityStatus status) =>
        status is FacilityStatus.Designated or FacilityStatus.Warned or FacilityStatus.Suspended;

    /// <summary>Designated or warned: the facility may treat insured patients, and its system may act (get and use tokens).</summary>
    public static bool IsInService(this FacilityStatus status) => status is FacilityStatus.Designated or FacilityStatus.Warned;

    /// <summary>Why the change is not allowed, in Chinese, or null when it is.</summary>
    public static string? Problem(FacilityStatus from, FacilityStatus to) => IsAllowed(from, to)
        ? null
        : $"定点资格状态不能从“{FacilityNames.Chinese(from)}”变更为“{FacilityNames.Chinese(to)}”";
}
