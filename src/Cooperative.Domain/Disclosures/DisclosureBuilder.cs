using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Disclosures;

/// <summary>
/// Builds a month's disclosure from the claims settled in it and the reversals dated in it. Pure: the same facts
/// give the same content, row for row. Claims settled and reversed within the month cancel out and are left out
/// (the caller passes only settlements not reversed in the same month).
/// </summary>
public static class DisclosureBuilder
{
    public static DisclosureBuild Build(DisclosureMonth month, IEnumerable<SettledVisit> settled, IEnumerable<ReversedVisit> reversed,
        FundFigures fund)
    {
        var visits = settled.ToList();
        var inpatientVisits = visits.Where(v => v.VisitType == VisitType.Inpatient)
            .OrderBy(v => v.DischargeDate).ThenBy(v => v.AdmissionDate).ThenBy(v => v.ClaimId).ToList();
        var inpatients = inpatientVisits.Select((v, i) => new InpatientRow(i + 1, NameMasking.Mask(v.FullName), GenderName(v.Gender),
            AgeAt(v.BirthDate, v.AdmissionDate), v.Village, v.Facility, FacilityLevelNames.Chinese(v.FacilityLevel), v.AdmissionDate,
            v.DischargeDate, v.Total, v.Eligible, v.Reimbursement)).ToList();
        var outpatients = visits.Where(v => v.VisitType == VisitType.Outpatient).ToList();
        var byVillage = outpatients.GroupBy(v => v.Village, StringComparer.Ordinal)
            .Select(g => new VillageOutpatientTotal(g.Key, Persons(g), g.Count(), g.Sum(v => v.Total), g.Sum(v => v.Reimbursement)))
            .OrderBy(t => t.Village, StringComparer.Ordinal).ToList();
        var byFacility = outpatients.GroupBy(v => (v.Facility, v.FacilityLevel))
            .Select(g => new FacilityOutpatientTotal(g.Key.Facility, FacilityLevelNames.Chinese(g.Key.FacilityLevel), Persons(g), g.Count(),
                g.Sum(v => v.Total), g.Sum(v => v.Reimbursement)))
            .OrderBy(t => t.Facility, StringComparer.Ordinal).ToList();
        var corrections = reversed.OrderBy(r => r.ReversedOn).ThenBy(r => r.OriginalMonth).ThenBy(r => r.Visit.ClaimId)
            .Select(r => new CorrectionRow(NameMasking.Mask(r.Visit.FullName), r.Visit.Village, r.Visit.Facility,
                r.Visit.VisitType == VisitType.Inpatient ? "住院" : "门诊", r.OriginalMonth.ToString(), r.OriginalRow, r.ReversedOn,
                -r.Visit.Total, -r.Visit.Reimbursement)).ToList();
        var summary = Summarize(visits, inpatientVisits.Count, outpatients, corrections);
        return new DisclosureBuild(new DisclosureContent(month.ToString(), summary, fund, inpatients, byVillage, byFacility, corrections),
            inpatientVisits.Select(v => v.ClaimId).ToList());
    }

    /// <summary>Whole years of age on the day of admission.</summary>
    public static int AgeAt(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on < birth.AddYears(age)) age--;
        return Math.Max(age, 0);
    }

    /// <summary>Fund paid over total cost, as a fraction to four places (0.4567); nothing over nothing is 0.</summary>
    public static decimal Ratio(decimal fundPaid, decimal totalCost) =>
        totalCost == 0 ? 0 : Math.Round(fundPaid / totalCost, 4, MidpointRounding.AwayFromZero);

    private static DisclosureSummary Summarize(List<SettledVisit> visits, int inpatientCount, List<SettledVisit> outpatients,
        List<CorrectionRow> corrections)
    {
        var total = visits.Sum(v => v.Total);
        var paid = visits.Sum(v => v.Reimbursement);
        var byLevel = visits.GroupBy(v => v.FacilityLevel).OrderBy(g => g.Key)
            .Select(g => new LevelTotal(g.Key, FacilityLevelNames.Chinese(g.Key), Persons(g), g.Count(), g.Sum(v => v.Total),
                g.Sum(v => v.Reimbursement)))
            .ToList();
        var correctionsPaid = corrections.Sum(c => c.Reimbursement);
        return new DisclosureSummary(Persons(visits), visits.Count, total, visits.Sum(v => v.Eligible), paid, Ratio(paid, total),
            inpatientCount, paid - outpatients.Sum(v => v.Reimbursement), outpatients.Count, outpatients.Sum(v => v.Reimbursement),
            byLevel, corrections.Count, correctionsPaid, paid + correctionsPaid);
    }

    private static int Persons(IEnumerable<SettledVisit> visits) => visits.Select(v => v.PersonId).Distinct().Count();

    private static string GenderName(Gender gender) => gender == Gender.Male ? "男" : "女";
}
