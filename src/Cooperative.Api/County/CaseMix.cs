using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>A kind of admission: its diagnosis, who gets it, what it costs where, how long it lasts, what is billed.</summary>
/// <param name="Levels">Where it is treated, when not the general mix (deliveries: township and county hospitals only).</param>
internal sealed record InpatientCase(string Diagnosis, double Weight, int MinAge, Gender? Only, double CountyMedian, double Sigma,
    int StayMedian, bool CountyOrOutsideOnly, string[] Drugs, string[] Exams, string? Procedure = null, string? Implant = null, int MaxAge = 120,
    IReadOnlyList<(FacilityLevel Level, double Weight)>? Levels = null);

/// <summary>
/// A disease of the county's chronic and special disease list as residents have it: who (prevalence by age, from
/// <see cref="MinAge"/>), how many of them are certified, and the outpatient care a certified patient then comes for.
/// </summary>
/// <param name="DiseaseCode">The code of the county policy's list (what the certification records).</param>
/// <param name="Diagnosis">The diagnosis the visits carry (matches the listed code or category).</param>
/// <param name="Prevalence">Share of residents of an age who have the disease.</param>
/// <param name="CertifiedShare">Share of those who are certified for the outpatient benefit.</param>
/// <param name="VisitsPerYear">Visits a year of a certified patient.</param>
/// <param name="Scaled">
/// Whether the run's outpatient scale applies (routine refills: yes; dialysis: no, so that a patient's year costs what it does).
/// </param>
/// <param name="Median">Median of a visit's drugs (and of the whole bill but for <paramref name="Procedure"/>).</param>
/// <param name="Procedure">A treatment given two or three times between visits (血液透析), billed with the visit.</param>
internal sealed record ChronicCare(string DiseaseCode, string Diagnosis, int MinAge, Func<int, double> Prevalence, double CertifiedShare,
    double VisitsPerYear, bool Scaled, double Median, double Sigma, IReadOnlyList<(FacilityLevel Level, double Weight)> Levels, string[] Drugs,
    string? Procedure = null);

/// <summary>A reason for an outpatient visit, weighted by age group (children, adults, the elderly), with its usual drugs.</summary>
internal sealed record OutpatientReason(string Diagnosis, double Child, double Adult, double Elderly, string[] Drugs, string? Therapy = null);

/// <summary>
/// The county's case mix: typical rural admissions (pneumonia, stroke, heart disease, COPD, appendicitis,
/// cataract, gallstones, hip fracture, cancer, kidney failure...), deliveries, outpatient complaints and the care of
/// certified chronic patients, with ICD-10 codes and the catalogue codes of their bills.
/// </summary>
internal static class CaseMix
{
    public static readonly IReadOnlyList<InpatientCase> Admissions =
    [
        new("J18.9", 18, 0, null, 3800, 0.5, 8, false, ["D0017", "D0003", "D0011", "D0012"], ["S0009"]),
        new("A09.9", 8, 0, null, 2200, 0.45, 4, false, ["D0001", "D0011", "D0012", "D0010"], ["S0010"]),
        new("I63.9", 12, 45, null, 7000, 0.55, 12, false, ["D0009", "D0005", "D0015", "D0011"], ["S0011"]),
        new("I25.1", 8, 45, null, 8000, 0.6, 8, false, ["D0009", "D0015", "D0005", "D0012"], ["S0008", "S0010"], Implant: "M0004"),
        new("J44.1", 8, 50, null, 4500, 0.5, 9, false, ["D0017", "D0003", "D0018", "D0011"], ["S0009"]),
        new("I10", 8, 40, null, 2800, 0.45, 7, false, ["D0006", "D0020", "D0009", "D0012"], ["S0008", "S0010"]),
        new("E11.9", 6, 40, null, 3300, 0.45, 8, false, ["D0007", "D0008", "D0012", "D0011"], ["S0010"]),
        new("K35.8", 6, 6, null, 4500, 0.35, 6, false, ["D0017", "D0011", "D0012"], ["S0010"], Procedure: "S0014"),
        new("K80.2", 5, 30, null, 6500, 0.45, 8, false, ["D0017", "D0010", "D0011"], ["S0010", "S0011"]),
        new("H25.9", 5, 55, null, 3500, 0.3, 3, true, ["D0002"], [], Procedure: "S0016", Implant: "M0005"),
        new("S72.0", 3, 60, null, 18000, 0.45, 15, true, ["D0017", "D0016", "D0011"], ["S0009", "S0011"], Implant: "M0006"),
        new("C34.9", 2, 45, null, 25000, 0.7, 18, true, ["D0016", "D0017", "D0011", "D0012"], ["S0011", "S0012"]),
        new("N18.5", 1, 30, null, 30000, 0.5, 20, true, ["D0016", "D0008", "D0011"], ["S0007"], Procedure: "S0017"),
    ];

    public static readonly IReadOnlyList<OutpatientReason> Visits =
    [
        new("J06.9", 5, 3, 2, ["D0001", "D0013", "D0014", "D0018"]),
        new("J20.9", 2, 2, 3, ["D0002", "D0018", "D0001"]),
        new("A09.9", 2, 1, 1, ["D0001", "D0011"]),
        new("I10", 0, 1.5, 5, ["D0006", "D0020", "D0009"]),
        new("E11.9", 0, 1, 3, ["D0007", "D0008"]),
        new("K29.7", 0.3, 2, 2, ["D0010", "D0019"]),
        new("M54.5", 0, 1.5, 2, ["D0013", "D0019"], Therapy: "S0018"),
        new("I25.1", 0, 0.3, 2, ["D0009", "D0005", "D0015"]),
    ];

    /// <summary>
    /// Hospital deliveries (住院分娩), planned from the birth rate rather than the admission mix: spontaneous (O80.0) and
    /// caesarean (O82.9), at township health centres and county hospitals. China's caesarean rate was about 35 % in 2014
    /// (Li H-T et al., JAMA 2017; lower in rural areas, higher in the east): a third here; township centres do few of them.
    /// </summary>
    public static readonly IReadOnlyList<InpatientCase> Deliveries =
    [
        new("O80.0", 2, 20, Gender.Female, 2600, 0.3, 3, false, ["D0011", "D0012", "D0017"], ["S0010"], MaxAge: 40,
            Levels: [(FacilityLevel.Township, 0.4), (FacilityLevel.County, 0.6)]),
        new("O82.9", 1, 20, Gender.Female, 5500, 0.3, 6, false, ["D0017", "D0011", "D0012"], ["S0010"], Procedure: "S0015", MaxAge: 40,
            Levels: [(FacilityLevel.Township, 0.1), (FacilityLevel.County, 0.9)]),
    ];

    /// <summary>
    /// Births a year of a woman of an age, relative to one of 25–29: China's age-specific fertility rates of the 2020
    /// census (20–24 about 55 ‰, 25–29 about 98 ‰, 30–34 about 69 ‰, 35–39 about 28 ‰; 40 and over a few per mille).
    /// </summary>
    public static double DeliveryWeight(int age, Gender gender) => gender != Gender.Female ? 0 : age switch
    {
        < 20 or > 40 => 0, < 25 => 0.55, < 30 => 1.0, < 35 => 0.7, _ => 0.28,
    };

    /// <summary>
    /// The chronic and special diseases residents are certified for, with their prevalence by age:
    /// hypertension (China Hypertension Survey 2012–2015, Wang Z et al., Circulation 2018: 23 % of adults, rural as
    /// urban; about 30 % at 45–54, 45 % at 55–64, 56 % at 65–74, 60 % from 75), type 2 diabetes (2013 national survey,
    /// Wang L et al., JAMA 2017: 10.9 % of adults; about 9 % at 40–49, 14 % at 50–59, 19 % at 60–69, 21 % from 70),
    /// and end-stage renal disease on dialysis (about 400 patients per million in China around 2019, national dialysis
    /// registry; nearly all adults, here 0.06 % of those from 30). A tenth of older adults with hypertension or diabetes is
    /// certified: an assumption (awareness was about 40 % and treatment 35 % in rural areas in that survey, and a county
    /// certifies only long-treated patients with hospital records), which puts 2–3 % of the enrolled on the register; every
    /// dialysis patient is (no family pays for dialysis without it). Certified patients come monthly for their drugs
    /// (dispensing is limited to a month's supply) at village, township or county level; dialysis is 2–3 sessions a week
    /// at a county hospital, billed weekly.
    /// </summary>
    public static readonly IReadOnlyList<ChronicCare> Chronic =
    [
        new("I10", "I10", 45, age => age switch { < 55 => 0.30, < 65 => 0.45, < 75 => 0.56, _ => 0.60 }, 0.10, 10, true, 110, 0.4,
            [(FacilityLevel.Village, 0.25), (FacilityLevel.Township, 0.5), (FacilityLevel.County, 0.25)], ["D0006", "D0020", "D0009"]),
        new("E11", "E11.9", 45, age => age switch { < 50 => 0.09, < 60 => 0.14, < 70 => 0.19, _ => 0.21 }, 0.10, 10, true, 170, 0.45,
            [(FacilityLevel.Village, 0.15), (FacilityLevel.Township, 0.5), (FacilityLevel.County, 0.35)], ["D0007", "D0008"]),
        new("N18.5", "N18.5", 30, _ => 0.0006, 1.0, 48, false, 120, 0.5, [(FacilityLevel.County, 1.0)], ["D0016", "D0012"], Procedure: "S0017"),
    ];

    public static ChronicCare ChronicOf(string diseaseCode) => Chronic.Single(c => c.DiseaseCode == diseaseCode);

    /// <summary>Outpatient visits a year, relative to the average person: children and the elderly come most.</summary>
    public static double VisitWeight(int age) => age switch { < 7 => 2.0, < 18 => 0.8, < 45 => 0.6, < 60 => 1.0, < 75 => 1.8, _ => 2.2 };

    /// <summary>Admissions a year, relative to the average person: they climb steeply with age.</summary>
    public static double AdmissionWeight(int age) => age switch { < 7 => 0.8, < 18 => 0.3, < 45 => 0.5, < 60 => 1.0, < 75 => 2.2, _ => 3.0 };

    public static IReadOnlyList<(InpatientCase Item, double Weight)> AdmissionsFor(int age, Gender gender) =>
        Admissions.Where(c => age >= c.MinAge && age <= c.MaxAge && (c.Only is null || c.Only == gender))
            .Select(c => (c, c.Weight)).ToList();

    public static IReadOnlyList<(OutpatientReason Item, double Weight)> VisitsFor(int age) =>
        Visits.Select(v => (v, age < 15 ? v.Child : age < 60 ? v.Adult : v.Elderly)).Where(x => x.Item2 > 0).ToList();

    /// <summary>Every catalogue code a bill may carry: checked against the seeded catalogue before a run.</summary>
    public static IEnumerable<string> CodesUsed() =>
        Admissions.Concat(Deliveries).SelectMany(c => c.Drugs.Concat(c.Exams).Append(c.Procedure).Append(c.Implant))
            .Concat(Chronic.SelectMany(c => c.Drugs.Append(c.Procedure)))
            .Concat(Visits.SelectMany(v => v.Drugs.Append(v.Therapy)))
            .Concat(BillMaker.FixedCodes).OfType<string>().Distinct();
}
