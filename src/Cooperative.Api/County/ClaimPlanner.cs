using Cooperative.Api.Policy;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>An enrolled resident as the claims of the year need him.</summary>
internal sealed record Resident(string IdNumber, string Name, DateOnly BirthDate, Gender Gender, string TownshipCode, string VillageCode);

/// <summary>A facility that may treat the county's residents at the fund's cost.</summary>
internal sealed record CareProvider(string Code, string Name, FacilityLevel Level, string TownshipCode, string? VillageCode);

/// <summary>One claim of a resident's year: where, when, why, the bill, and when it comes in (and as whom).</summary>
internal sealed record PlannedClaim(int Index, VisitType Visit, CareProvider? Facility, string? OutsideHospital, DateOnly Admission,
    DateOnly Discharge, DateTimeOffset SubmittedAt, string Diagnosis, bool Referred, IReadOnlyList<BillLineInput> Lines);

/// <summary>The service dates of the run: the months with claims, and the last day a claim may come in.</summary>
internal sealed record ClaimWindow(DateOnly First, DateOnly Last, DateOnly LastSubmission)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;
}

/// <summary>
/// Plans a resident's claims for the window, from a random generator of his own (so the plan never depends on
/// which worker runs it): how many visits and admissions (Poisson, his rate by age times a frailty of his own,
/// so that a few residents claim much more than most), then for each the facility, the date and the bill.
/// </summary>
internal sealed class ClaimPlanner(ClaimWindow window, FacilityDirectory facilities, BillMaker bills, double visitRate,
    double admissionRate)
{
    private static readonly string[] OutsideHospitals = ["浙江大学医学院附属第一医院", "浙江省人民医院", "杭州市第一人民医院", "浙江省肿瘤医院"];

    public List<PlannedClaim> Plan(Resident resident, Random r)
    {
        var age = window.First.Year - resident.BirthDate.Year;
        var frailty = r.Frailty(1.2);
        var share = window.Days / 365.0;
        var visits = r.Poisson(visitRate * CaseMix.VisitWeight(age) * frailty * share);
        var admissions = r.Poisson(admissionRate * CaseMix.AdmissionWeight(age) * frailty * share);
        var claims = new List<PlannedClaim>(visits + admissions);
        for (var i = 0; i < admissions; i++) claims.Add(Admission(resident, age, r, claims.Count));
        for (var i = 0; i < visits; i++) claims.Add(Visit(resident, age, r, claims.Count));
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

    private PlannedClaim Admission(Resident resident, int age, Random r, int index)
    {
        var kind = r.Weighted(CaseMix.AdmissionsFor(age, resident.Gender));
        var level = kind.CountyOrOutsideOnly
            ? r.Weighted<FacilityLevel>([(FacilityLevel.County, 0.8), (FacilityLevel.OutsideCounty, 0.2)])
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
            return new PlannedClaim(index, VisitType.Inpatient, null, r.Pick(OutsideHospitals), admission, discharge,
                CountyClock.At(submitted, r.Next(510, 1020)), kind.Diagnosis, r.NextDouble() < 0.75, lines);
        }
        var facility = facilities.ForAdmission(resident, level, r);
        return new PlannedClaim(index, VisitType.Inpatient, facility, null, admission, discharge, CountyClock.At(discharge, r.Next(540, 1050)),
            kind.Diagnosis, level == FacilityLevel.County && r.NextDouble() < 0.1, lines);
    }
}
