namespace Cooperative.Domain.Facilities;

/// <summary>Whether a facility may submit claims for a service date, and if not, why.</summary>
public enum EligibilityVerdict
{
    [Label("可以就医")]
    Eligible,
    [Label("机构不存在")]
    FacilityNotFound,
    /// <summary>Applying or revoked: no designation.</summary>
    [Label("非定点机构")]
    NotDesignated,
    [Label("定点资格暂停")]
    Suspended,
    /// <summary>No responsibility letter covers the service date.</summary>
    [Label("无有效责任书")]
    NoActiveContract,
}

/// <summary>A facility treats insured patients at the fund's cost only while designated and bound by a letter.</summary>
public static class EligibilityRule
{
    /// <param name="status">The facility's status now; null when there is no such facility.</param>
    /// <param name="hasActiveContract">Whether a responsibility letter covers the service date.</param>
    public static EligibilityVerdict Check(FacilityStatus? status, bool hasActiveContract) => status switch
    {
        null => EligibilityVerdict.FacilityNotFound,
        FacilityStatus.Applying or FacilityStatus.Revoked => EligibilityVerdict.NotDesignated,
        FacilityStatus.Suspended => EligibilityVerdict.Suspended,
        _ when !hasActiveContract => EligibilityVerdict.NoActiveContract,
        _ => EligibilityVerdict.Eligible,
    };
}
