using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Disclosures;

/// <summary>
/// Builds a month's disclosure from the claims settled in it and the reversals dated in it. Pure: the same facts
/// give the same content, row for row. Visits are added one at a time: inpatient stays are kept (they are listed),
/// outpatient visits only counted into their village's, facility's and level's totals, so that a county's month
/// (150,000 visits) is never held in memory. Claims settled and reversed within the month cancel out and are left
/// out (the caller adds only settlements not reversed in the same month). Where the care was given (the visit type)
/// decides whether a visit is listed: a delivery is an inpatient stay and is listed like one. The kind it was paid
/// under decides its line in <see cref="DisclosureSummary.ByBenefit"/>, which names every kind, a kind with no claims too.
/// </summary>
public sealed class DisclosureBuilder(DisclosureMonth month)
{
    private readonly List<SettledVisit> _inpatients = [];
    private readonly Totals _all = new();
    private readonly Totals _outpatient = new();
    private readonly Dictionary<FacilityLevel, Totals> _byLevel = [];
    private readonly Dictionary<string, Totals> _byVillage = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Facility, FacilityLevel Level), Totals> _byFacility = [];
    private readonly Dictionary<BenefitKind, Totals> _byBenefit = [];

    public static DisclosureBuild Build(DisclosureMonth month, IEnumerable<SettledVisit> settled, IEnumerable<ReversedVisit> reversed,
        FundFigures fund)
    {
        var builder = new DisclosureBuilder(month);
        foreach (var visit in settled) builder.Add(visit);
        return builder.Build(reversed, fund);
    }

    public void Add(SettledVisit visit)
    {
        _all.Add(visit);
        Of(_byLevel, visit.FacilityLevel).Add(visit);
        Of(_byBenefit, visit.Benefit).Add(visit);
        var listed = visit.VisitType switch
        {
            VisitType.Inpatient => true,
            VisitType.Outpatient => false,
        };
        if (listed)
        {
            _inpatients.Add(visit);
            return;
        }
        _outpatient.Add(visit);
        Of(_byVillage, visit.Village).Add(visit);
        Of(_byFacility, (visit.Facility, visit.FacilityLevel)).Add(visit);
    }

    public DisclosureBuild Build(IEnumerable<ReversedVisit> reversed, FundFigures fund)
    {
        var inpatientVisits = _inpatients.OrderBy(v => v.DischargeDate).ThenBy(v => v.AdmissionDate).ThenBy(v => v.ClaimId).ToList();
        var inpatients = inpatientVisits.Select((v, i) => new InpatientRow(i + 1, NameMasking.Mask(v.FullName), GenderName(v.Gender),
            AgeAt(v.BirthDate, v.AdmissionDate), v.Village, v.Facility, FacilityLevelNames.Chinese(v.FacilityLevel), v.AdmissionDate,
            v.DischargeDate, v.Total, v.Eligible, v.Reimbursement)
        {
            BenefitName = BenefitKinds.Chinese(v.Benefit), CatastrophicPaid = v.CatastrophicPaid, AssistancePaid = v.AssistancePaid,
        }).ToList();
        var byVillage = _byVillage.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VillageOutpatientTotal(g.Key, g.Value.Persons.Count, g.Value.Visits, g.Value.Total, g.Value.Paid)).ToList();
        var byFacility = _byFacility.OrderBy(g => g.Key.Facility, StringComparer.Ordinal).ThenBy(g => g.Key.Level)
            .Select(g => new FacilityOutpatientTotal(g.Key.Facility, FacilityLevelNames.Chinese(g.Key.Level), g.Value.Persons.Count,
                g.Value.Visits, g.Value.Total, g.Value.Paid)).ToList();
        var corrections = reversed.OrderBy(r => r.ReversedOn).ThenBy(r => r.OriginalMonth).ThenBy(r => r.Visit.ClaimId)
            .Select(r => new CorrectionRow(NameMasking.Mask(r.Visit.FullName), r.Visit.Village, r.Visit.Facility,
                BenefitKinds.Chinese(r.Visit.Benefit), r.OriginalMonth.ToString(), r.OriginalRow, r.ReversedOn, -r.Visit.Total,
                -r.Visit.Reimbursement)
            {
                CatastrophicPaid = -r.Visit.CatastrophicPaid, AssistancePaid = -r.Visit.AssistancePaid,
            }).ToList();
        var byLevel = _byLevel.OrderBy(g => g.Key)
            .Select(g => new LevelTotal(g.Key, FacilityLevelNames.Chinese(g.Key), g.Value.Persons.Count, g.Value.Visits, g.Value.Total,
                g.Value.Paid)).ToList();
        var byBenefit = BenefitKinds.All.Select(k => _byBenefit.GetValueOrDefault(k.Kind) is { } t
            ? new BenefitTotal(k.Code, k.ChineseName, t.Persons.Count, t.Visits, t.Total, t.Paid, t.Catastrophic, t.Assistance)
            : new BenefitTotal(k.Code, k.ChineseName, 0, 0, 0m, 0m, 0m, 0m)).ToList();
        var correctionsPaid = corrections.Sum(c => c.Reimbursement);
        var summary = new DisclosureSummary(_all.Persons.Count, _all.Visits, _all.Total, _all.Eligible, _all.Paid, Ratio(_all.Paid, _all.Total),
            inpatients.Count, _all.Paid - _outpatient.Paid, _outpatient.Visits, _outpatient.Paid, byLevel, corrections.Count, correctionsPaid,
            _all.Paid + correctionsPaid)
        {
            ByBenefit = byBenefit, CatastrophicPaid = _all.Catastrophic, AssistancePaid = _all.Assistance, PatientPaid = _all.Patient,
        };
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

    private static Totals Of<TKey>(Dictionary<TKey, Totals> totals, TKey key) where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var t)) totals[key] = t = new Totals();
        return t;
    }

    private static string GenderName(Gender gender) => gender == Gender.Male ? "男" : "女";

    /// <summary>Visits, amounts (the basic fund's, each other payer's, the patients') and distinct persons of a group.</summary>
    private sealed class Totals
    {
        public HashSet<Guid> Persons { get; } = [];
        public int Visits { get; private set; }
        public decimal Total { get; private set; }
        public decimal Eligible { get; private set; }
        public decimal Paid { get; private set; }
        public decimal Catastrophic { get; private set; }
        public decimal Assistance { get; private set; }
        public decimal Patient { get; private set; }

        public void Add(SettledVisit v)
        {
            Persons.Add(v.PersonId);
            Visits++;
            Total += v.Total;
            Eligible += v.Eligible;
            Paid += v.Reimbursement;
            Catastrophic += v.CatastrophicPaid;
            Assistance += v.AssistancePaid;
            Patient += v.PatientPaid;
        }
    }
}
