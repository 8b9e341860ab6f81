namespace Cooperative.Domain.Reimbursement;

/// <summary>A referral filing (转诊备案) as the rule needs it.</summary>
/// <param name="DestinationKey">The normal form of the destination's name (the bill's facility key outside the county).</param>
/// <param name="FiledOn">The day it was filed (the server's date, not the clerk's).</param>
/// <param name="EndsOn">The last day in force: its valid-to date, or the day before it was revoked.</param>
public sealed record ReferralFact(string Number, string DiagnosisCode, string DestinationKey, DateOnly ValidFrom, DateOnly EndsOn, DateOnly FiledOn);

/// <summary>Whether a claimed referral counts, the filing it matched, and otherwise why not (for the statement).</summary>
public sealed record ReferralDecision(bool Referred, string? FilingNumber, string? Note);

/// <summary>
/// 转诊备案: treatment outside the county counts as referred only with a filing made before the admission, in force
/// on the admission date, for the same destination and the same ICD-10 category of diagnosis. A claim that says
/// it was referred without one is paid as unreferred, and the statement says why.
/// </summary>
public static class ReferralRule
{
    public static ReferralDecision Decide(bool claimed, FacilityLevel level, string facilityKey, string diagnosis, DateOnly admission,
        IEnumerable<ReferralFact> filings)
    {
        ArgumentNullException.ThrowIfNull(filings);
        // Only care outside the county depends on a referral; inside it the claimed flag changes nothing.
        if (!claimed || level != FacilityLevel.OutsideCounty) return new(claimed, null, null);
        var category = Category(diagnosis);
        var mine = filings.ToList();
        var match = mine.Where(f => f.DestinationKey == facilityKey && Category(f.DiagnosisCode) == category
                                    && f.ValidFrom <= admission && admission <= f.EndsOn && f.FiledOn <= admission)
            .OrderBy(f => f.FiledOn).ThenBy(f => f.Number, StringComparer.Ordinal).FirstOrDefault();
        if (match is not null) return new(true, match.Number, null);
        var why = mine.Count == 0 ? "该人员没有转诊备案"
            : mine.Any(f => f.DestinationKey == facilityKey && Category(f.DiagnosisCode) == category && f.FiledOn > admission) ? "转诊备案晚于入院日期"
            : mine.Any(f => f.DestinationKey == facilityKey && Category(f.DiagnosisCode) == category) ? "入院日期不在转诊备案有效期内"
            : mine.Any(f => f.DestinationKey == facilityKey) ? "转诊备案的诊断与本次诊断不符"
            : "转诊备案的转往医院与本次就诊医院不符";
        return new(false, null, $"申报为转诊，但{why}，按未转诊报销");
    }

    /// <summary>The ICD-10 category (the three characters before the dot).</summary>
    public static string Category(string code) => code.Trim().ToUpperInvariant() is { Length: >= 3 } c ? c[..3] : code;
}
