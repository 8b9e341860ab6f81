namespace Cooperative.Domain.Enrollment;

/// <summary>A person's enrolment in one fund year, as the coverage rule needs it.</summary>
public sealed record EnrollmentFact(int FundYear, DateOnly EnrolledOn);

/// <summary>The answer of the coverage rule: covered or not, for which fund year, and why not.</summary>
public sealed record CoverageDecision(bool Covered, int FundYear, string? Reason);

/// <summary>
/// Is a person covered on a date (参合有效)? The fund year is the calendar year of the date. He is covered
/// when he is enrolled for that year, enrolled on or before the date, and still active on the date.
/// </summary>
public static class CoverageRule
{
    /// <summary>Never enrolled in any year.</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>Enrolled, but in other fund years than the date's.</summary>
    public const string WrongYear = "wrong_year";

    /// <summary>Enrolled for the year, but only after the date.</summary>
    public const string BeforeEnrollment = "before_enrollment";

    /// <summary>Died or left before the date.</summary>
    public const string PersonInactive = "person_inactive";

    public static int FundYearOf(DateOnly date) => date.Year;

    /// <summary>
    /// The day on which cover is decided for a treatment: an inpatient stay on its admission date (a person
    /// enrolled while already in hospital is not paid for that stay), an outpatient visit on its date.
    /// </summary>
    public static DateOnly ServiceDate(Reimbursement.VisitType visit, DateOnly admission, DateOnly discharge) => visit switch
    {
        Reimbursement.VisitType.Inpatient => admission,
        Reimbursement.VisitType.Outpatient => admission,
    };

    /// <summary>
    /// A person with status <paramref name="status"/> since <paramref name="statusSince"/> is active on every
    /// date before that one: a death or departure takes effect on its own date.
    /// </summary>
    public static bool IsActiveOn(PersonStatus status, DateOnly? statusSince, DateOnly date) =>
        status == PersonStatus.Active || (statusSince is { } since && date < since);

    public static CoverageDecision Decide(DateOnly date, PersonStatus status, DateOnly? statusSince,
        IEnumerable<EnrollmentFact> enrollments)
    {
        ArgumentNullException.ThrowIfNull(enrollments);
        var year = FundYearOf(date);
        var all = enrollments.ToList();
        if (!IsActiveOn(status, statusSince, date)) return new(false, year, PersonInactive);
        var thisYear = all.FirstOrDefault(e => e.FundYear == year);
        if (thisYear is null) return new(false, year, all.Count == 0 ? NotEnrolled : WrongYear);
        if (thisYear.EnrolledOn > date) return new(false, year, BeforeEnrollment);
        return new(true, year, null);
    }
}
