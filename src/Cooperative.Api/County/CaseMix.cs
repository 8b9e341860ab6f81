using Cooperative.Domain.Identity;

namespace Cooperative.Api.County;

/// <summary>A kind of admission: its diagnosis, who gets it, what it costs where, how long it lasts, what is billed.</summary>
internal sealed record InpatientCase(string Diagnosis, double Weight, int MinAge, Gender? Only, double CountyMedian, double Sigma,
    int StayMedian, bool CountyOrOutsideOnly, string[] Drugs, string[] Exams, string? Procedure = null, string? Implant = null, int MaxAge = 120);

/// <summary>A reason for an outpatient visit, weighted by age group (children, adults, the elderly), with its usual drugs.</summary>
internal sealed record OutpatientReason(string Diagnosis, double Child, double Adult, double Elderly, string[] Drugs, string? Therapy = null);

/// <summary>
/// The county's case mix: typical rural admissions (pneumonia, stroke, heart disease, COPD, appendicitis,
/// caesarean section, cataract, gallstones, hip fracture, cancer, kidney failure...) and outpatient complaints,
/// with ICD-10 codes and the catalogue codes of their bills.
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
        new("O82.9", 6, 20, Gender.Female, 4000, 0.3, 5, false, ["D0017", "D0011", "D0012"], ["S0010"], Procedure: "S0015", MaxAge: 42),
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
        Admissions.SelectMany(c => c.Drugs.Concat(c.Exams).Append(c.Procedure).Append(c.Implant))
            .Concat(Visits.SelectMany(v => v.Drugs.Append(v.Therapy)))
            .Concat(BillMaker.FixedCodes).OfType<string>().Distinct();
}
