namespace Cooperative.Domain.Facilities;

/// <summary>
/// What supervision does to a designation (监督管理): written warnings, suspension, and revocation after
/// three uncorrected warnings within one responsibility letter's term.
/// </summary>
public static class SupervisionRules
{
    /// <summary>Uncorrected written warnings within one term that revoke the designation.</summary>
    public const int WarningsThatRevoke = 3;

    public static bool Revokes(int uncorrectedWarningsInTerm) => uncorrectedWarningsInTerm >= WarningsThatRevoke;

    /// <summary>
    /// The status after an inspection, given the uncorrected warnings of the term (the inspection's own
    /// included) and whether one of its findings suspends the facility. Revocation outranks suspension, which
    /// outranks a warning. A facility without a designation is not changed.
    /// </summary>
    public static FacilityStatus AfterInspection(FacilityStatus current, int uncorrectedWarningsInTerm, bool suspends)
    {
        if (!current.HoldsDesignation()) return current;
        if (Revokes(uncorrectedWarningsInTerm)) return FacilityStatus.Revoked;
        if (suspends || current == FacilityStatus.Suspended) return FacilityStatus.Suspended;
        return uncorrectedWarningsInTerm > 0 ? FacilityStatus.Warned : current;
    }

    /// <summary>A warned facility whose warnings are all corrected is designated again.</summary>
    public static FacilityStatus AfterCorrection(FacilityStatus current, int uncorrectedWarningsInTerm) =>
        current == FacilityStatus.Warned && uncorrectedWarningsInTerm == 0 ? FacilityStatus.Designated : current;

    /// <summary>A suspended facility, reinstated, is warned while warnings of the term stay uncorrected.</summary>
    public static FacilityStatus OnReinstatement(int uncorrectedWarningsInTerm) =>
        uncorrectedWarningsInTerm > 0 ? FacilityStatus.Warned : FacilityStatus.Designated;
}
