using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Claims;

/// <summary>A bill as the duplicate rule compares it: where (the facility's key), what, when, how much.</summary>
/// <param name="FacilityKey">The facility's register code, or the normal form of a name outside the county.</param>
public sealed record BillFacts(string Number, string FacilityKey, VisitType Visit, DateOnly Admission, DateOnly Discharge, decimal Total);

/// <summary>What the rule found: nothing, a duplicate to refuse, or reasons to hold the claim for a reviewer.</summary>
public sealed record DuplicateFinding(BillFacts? Duplicate, IReadOnlyList<(string Flag, string OtherNumber)> Holds)
{
    public static readonly DuplicateFinding None = new(null, []);
}

/// <summary>
/// One bill, one claim, beyond its invoice number (重复报销): the bill is compared with the person's other
/// standing claims, whichever channel brought either in.
/// <list type="bullet">
/// <item>An inpatient stay overlapping another stay at the same facility is the same admission: refused.</item>
/// <item>An inpatient stay overlapping a stay at another facility (two beds at once, 挂床住院), an outpatient
/// visit on the same day for the same total at any facility (the same bill under another facility name), and
/// an outpatient visit during an inpatient stay are held for review: each can be true, a reviewer decides.</item>
/// </list>
/// Stays are compared as nights: admitted on day a and discharged on day d occupies [a, d), a day-case [a, a+1),
/// so a discharge and a readmission on the same day do not overlap (the readmission rule flags those).
/// </summary>
public static class DuplicateRule
{
    public const string OverlappingStay = "overlapping_stay";
    public const string SameDaySameTotal = "possible_duplicate";
    public const string VisitDuringStay = "visit_during_stay";

    public static DuplicateFinding Check(BillFacts bill, IEnumerable<BillFacts> others)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(others);
        var holds = new List<(string, string)>();
        foreach (var other in others.OrderBy(o => o.Number, StringComparer.Ordinal))
        {
            switch (bill.Visit, other.Visit)
            {
                case (VisitType.Inpatient, VisitType.Inpatient) when Overlap(bill, other):
                    if (other.FacilityKey == bill.FacilityKey) return new DuplicateFinding(other, []);
                    holds.Add((OverlappingStay, other.Number));
                    break;
                case (VisitType.Outpatient, VisitType.Outpatient) when other.Admission == bill.Admission && other.Total == bill.Total:
                    holds.Add((SameDaySameTotal, other.Number));
                    break;
                case (VisitType.Outpatient, VisitType.Inpatient) when Within(bill.Admission, other):
                case (VisitType.Inpatient, VisitType.Outpatient) when Within(other.Admission, bill):
                    holds.Add((VisitDuringStay, other.Number));
                    break;
            }
        }
        return new DuplicateFinding(null, holds);
    }

    private static bool Overlap(BillFacts a, BillFacts b) => Start(a) < End(b) && Start(b) < End(a);

    /// <summary>A visit on a day strictly inside a stay's nights, not on its admission or discharge day.</summary>
    private static bool Within(DateOnly day, BillFacts stay) => day > stay.Admission && day < stay.Discharge;

    private static int Start(BillFacts b) => b.Admission.DayNumber;

    private static int End(BillFacts b) => Math.Max(b.Discharge.DayNumber, b.Admission.DayNumber + 1);
}
