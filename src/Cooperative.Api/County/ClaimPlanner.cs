using Cooperative.Api.Policy;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>An enrolled resident as the claims of the year need him, with the certifications the register holds for him.</summary>
internal sealed record Resident(Guid PersonId, string IdNumber, string Name, DateOnly BirthDate, Gender Gender, string TownshipCode,
    string VillageCode)
{
    public IReadOnlyList<CertifiedDisease> Certified { get; init; } = [];
}

/// <summary>A certification of the register as the planner needs it: the disease and its first and last day.</summary>
internal sealed record CertifiedDisease(string DiseaseCode, DateOnly From, DateOnly To);

/// <summary>A facility that may treat the county's residents at the fund's cost.</summary>
internal sealed record CareProvider(string Code, string Name, FacilityLevel Level, string TownshipCode, string? VillageCode);

/// <summary>A referral filed at the window before an admission outside the county (转诊备案): when, and its last day.</summary>
internal sealed record PlannedReferral(DateTimeOffset FiledAt, DateOnly ValidTo);

/// <summary>One claim of a resident's year: where, when, why, the bill, when it comes in (and as whom), and a referral filed for it.</summary>
internal sealed record PlannedClaim(int Index, VisitType Visit, CareProvider? Facility, string? OutsideHospital, DateOnly Admission,
    DateOnly Discharge, DateTimeOffset SubmittedAt, string Diagnosis, bool Referred, IReadOnlyList<BillLineInput> Lines,
    PlannedReferral? Filing = null);

/// <summary>The service dates of the run: the months with claims, and the last day a claim may come in.</summary>
internal sealed record ClaimWindow(DateOnly First, DateOnly Last, DateOnly LastSubmission)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;
}

/// <summary>
/// A township's yearly rates for a person of weight 1 (see <see cref="CaseMix"/>): outpatient visits, admissions other
/// than deliveries, deliveries of a woman; and the run's outpatient scale, which also thins the chronic patients' refills.
/// </summary>
internal sealed record ClaimRates(double Visits, double Admissions, double Deliveries, double OutpatientScale);

/// <summary>
/// Plans a resident's claims for the window, from a random generator of his own (so the plan never depends on
/// which worker runs it): how many visits and admissions (Poisson, his rate by age times a frailty of his own,
/// so that a few residents claim much more than most), a delivery (at most one, by the birth rate of her age), the
/// visits of each disease he is certified for, then for each the facility, the date and the bill.
/// </summary>
internal sealed class ClaimPlanner(ClaimWindow window, FacilityDirectory facilities, BillMaker bills, ClaimRates rates)
{
    private static readonly string[] OutsideHospitals = ["浙江大学医学院附属第一医院", "浙江省人民医院", "杭州市第一人民医院", "浙江省肿瘤医院"];

    /// <summary>
    /// Of those treated outside the county, the share whose referral was filed at the window before the admission, and
    /// the share who say at the window they were referred without one (paid as unreferred); the rest went on their own.
    /// Assumptions: the ten points less without a referral make most file one; a few come back from an emergency
    /// admission believing the hospital's transfer note is enough.
    /// </summary>
    private const double FiledShare = 0.65, ClaimedWithoutFilingShare = 0.10;

    /// <summary>A referral filing holds for three months (转诊备案有效期), the common term.</summary>
    private const int ReferralDays = 90;

    public List<PlannedClaim> Plan(Resident resident, Random r)
    {
        var age = window.First.Year - resident.BirthDate.Year;
        var frailty = r.Frailty(1.2);
        var share = window.Days / 365.0;
        var visits = r.Poisson(rates.Visits * CaseMix.VisitWeight(age) * frailty * share);
        var admissions = r.Poisson(rates.Admissions * CaseMix.AdmissionWeight(age) * frailty * share);
        var claims = new List<PlannedClaim>(visits + admissions);
        var cases = CaseMix.AdmissionsFor(age, resident.Gender);
        for (var i = 0; i < admissions; i++) claims.Add(Admission(resident, r.Weighted(cases), r, claims.Count));
        for (var i = 0; i < visits; i++) claims.Add(Visit(resident, age, r, claims.Count));
        if (r.NextDouble() < rates.Deliveries * CaseMix.DeliveryWeight(age, resident.Gender) * share)
            claims.Add(Admission(resident, r.Weighted(CaseMix.Deliveries.Select(d => (d, d.Weight)).ToList()), r, claims.Count));
        var stays = claims.Where(c => c.Visit == VisitType.Inpatient).Select(c => (c.Admission, c.Discharge)).ToList();
        foreach (var certified in resident.Certified) ChronicVisits(resident, certified, stays, r, claims);
        return claims.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Index).ToList();
    }

    private PlannedClaim Visit(Resident resident, int age, Random r, int index)
    {
        var reason = r.Weighted(CaseMix.VisitsFor(age));
        var level = r.Weighted<FacilityLevel>([(FacilityLevel.Village, 0.38), (FacilityLevel.Township, 0.47), (FacilityLevel.County, 0.15)]);
        var facility = facilities.ForVisit(resident, level, r);
        var median = facility.Level switch { FacilityLevel.Village => 22, FacilityLevel.Township => 55, FacilityLevel.Community => 50, _ => 150 };
        var day = window.First.AddDays(r.Next(window.Days));
        var lines = bills.Outpatient(r, facility.Level, reason, r.LogNormal(median, facility.Level == FacilityLevel.County ? 0.7 : 0.5));
        return new PlannedClaim(index, VisitType.Outpatient, facility, null, day, day, CountyClock.At(day, r.Next(480, 1050)),
            reason.Diagnosis, false, lines);
    }

    /// <summary>
    /// The visits of a certified disease within the certification and the window: refills on days of their own (none
    /// during one of his stays, when the ward gives the drugs), or a treatment's weekly bills at one hospital.
    /// </summary>
    private void ChronicVisits(Resident resident, CertifiedDisease certified, List<(DateOnly Admission, DateOnly Discharge)> stays, Random r,
        List<PlannedClaim> claims)
    {
        var care = CaseMix.ChronicOf(certified.DiseaseCode);
        var first = certified.From > window.First ? certified.From : window.First;
        var last = certified.To < window.Last ? certified.To : window.Last;
        var days = last.DayNumber - first.DayNumber + 1;
        if (days <= 0) return;
        List<DateOnly> dates;
        CareProvider? regular = null;
        if (care.Procedure is not null)
        {
            regular = facilities.ForVisit(resident, r.Weighted(care.Levels), r);
            var offset = r.Next(7);
            dates = Enumerable.Range(0, (days - offset + 6) / 7).Select(w => first.AddDays(offset + (7 * w))).ToList();
        }
        else
        {
            var count = r.Poisson(care.VisitsPerYear * days / 365.0 * (care.Scaled ? rates.OutpatientScale : 1));
            dates = Enumerable.Range(0, count).Select(_ => first.AddDays(r.Next(days))).ToList();
        }
        foreach (var day in dates.Where(d => !stays.Any(s => d > s.Admission && d < s.Discharge)))
        {
            var facility = regular ?? facilities.ForVisit(resident, r.Weighted(care.Levels), r);
            var lines = bills.Chronic(r, facility.Level, care, r.LogNormal(care.Median, care.Sigma));
            claims.Add(new PlannedClaim(claims.Count, VisitType.Outpatient, facility, null, day, day, CountyClock.At(day, r.Next(480, 1050)),
                care.Diagnosis, false, lines));
        }
    }

    private PlannedClaim Admission(Resident resident, InpatientCase kind, Random r, int index)
    {
        var level = kind.Levels is { } levels ? r.Weighted(levels)
            : kind.CountyOrOutsideOnly ? r.Weighted<FacilityLevel>([(FacilityLevel.County, 0.8), (FacilityLevel.OutsideCounty, 0.2)])
            : r.Weighted<FacilityLevel>([(FacilityLevel.Township, 0.38), (FacilityLevel.County, 0.52), (FacilityLevel.OutsideCounty, 0.10)]);
        var (costFactor, stayFactor) = level switch { FacilityLevel.Township => (0.45, 0.8), FacilityLevel.County => (1.0, 1.0), _ => (2.5, 1.2) };
        var target = r.LogNormal(kind.CountyMedian * costFactor, kind.Sigma);
        if (r.NextDouble() < 0.015) target *= 3 + (5 * r.NextDouble()); // the few catastrophic cases
        // The whole stay inside the window: a stay admitted before the fund year began is not the year's to pay.
        var stay = Math.Clamp((int)Math.Round(r.LogNormal(kind.StayMedian * stayFactor, 0.4)), 1, Math.Clamp(window.Days - 1, 1, 60));
        var discharge = window.First.AddDays(Math.Min(stay + r.Next(Math.Max(window.Days - stay, 1)), window.Days - 1));
        var admission = discharge.AddDays(-stay);
        var lines = bills.Inpatient(r, level, kind, target, stay);
        if (level == FacilityLevel.OutsideCounty)
        {
            // Treated outside the county: paid in full there, claimed on paper at the window some days later.
            var lag = discharge.AddDays(r.Next(3, 45));
            var submitted = lag > window.LastSubmission ? window.LastSubmission : lag;
            var hospital = r.Pick(OutsideHospitals);
            var (referred, filing) = Referral(admission, r);
            return new PlannedClaim(index, VisitType.Inpatient, null, hospital, admission, discharge,
                CountyClock.At(submitted, r.Next(510, 1020)), kind.Diagnosis, referred, lines, filing);
        }
        var facility = facilities.ForAdmission(resident, level, r);
        return new PlannedClaim(index, VisitType.Inpatient, facility, null, admission, discharge, CountyClock.At(discharge, r.Next(540, 1050)),
            kind.Diagnosis, level == FacilityLevel.County && r.NextDouble() < 0.1, lines);
    }

    /// <summary>Whether an admission outside the county is claimed as referred, and the filing made one to seven days before it.</summary>
    private static (bool Referred, PlannedReferral? Filing) Referral(DateOnly admission, Random r)
    {
        var x = r.NextDouble();
        if (x >= FiledShare) return (x < FiledShare + ClaimedWithoutFilingShare, null);
        var filedOn = admission.AddDays(-r.Next(1, 8));
        return (true, new PlannedReferral(CountyClock.At(filedOn, r.Next(510, 1020)), filedOn.AddDays(ReferralDays - 1)));
    }
}
