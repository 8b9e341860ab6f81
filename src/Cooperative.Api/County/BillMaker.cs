using Cooperative.Api.Policy;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>
/// Itemized bills (费用明细) for a target total: per-day lines (bed, nursing, ward rounds) with quantity and unit
/// price, the case's examinations, procedure and implant, a few self-paid items, and drugs for the rest. Prices
/// rise with the facility level.
/// </summary>
internal sealed class BillMaker(IReadOnlyDictionary<string, string> names)
{
    public static readonly string[] FixedCodes =
        ["S0001", "S0002", "S0003", "S0004", "S0005", "S0006", "S0007", "S0008", "S0009", "S0010", "S0011", "S0012", "S0013",
         "S0019", "S0901", "D0011", "D0901", "D0902", "D0903", "M0001", "M0003"];

    private static readonly Dictionary<string, decimal> ExamPrices = new()
    {
        ["S0005"] = 25, ["S0006"] = 15, ["S0007"] = 60, ["S0008"] = 30, ["S0009"] = 80, ["S0010"] = 120, ["S0011"] = 300, ["S0012"] = 650,
    };

    public List<BillLineInput> Outpatient(Random r, FacilityLevel level, OutpatientReason reason, double target)
    {
        var lines = new List<BillLineInput> { Daily("S0001", 1, level switch { FacilityLevel.Village => 5, FacilityLevel.County => 15, _ => 8 }) };
        if (level is FacilityLevel.Township or FacilityLevel.Community && r.NextDouble() < 0.25)
            lines.Add(Daily(r.Pick<string>(["S0005", "S0006", "S0008"]), 1, 0, level));
        if (level == FacilityLevel.County && r.NextDouble() < 0.5)
            lines.Add(Daily(r.Pick<string>(["S0005", "S0008", "S0009", "S0010"]), 1, 0, level));
        if (level == FacilityLevel.County && r.NextDouble() < 0.05) lines.Add(Daily("S0011", 1, 0, level));
        if (level != FacilityLevel.County && r.NextDouble() < 0.15)
        {
            lines.Add(Daily("S0013", 1, 15));
            lines.Add(Daily("M0001", 1, 3.5m));
            lines.Add(Line("D0011", 8));
        }
        if (reason.Therapy is { } therapy && level != FacilityLevel.Village && r.NextDouble() < 0.5) lines.Add(Daily(therapy, 1, 30));
        if (r.NextDouble() < 0.03) lines.Add(Line(r.Pick<string>(["D0903", "D0902"]), r.Next(20, 90)));
        AddDrugs(r, lines, reason.Drugs, r.Next(1, Math.Min(3, reason.Drugs.Length) + 1), Math.Max(target - Sum(lines), 3));
        return lines;
    }

    /// <summary>
    /// A certified patient's visit: the consultation, the sessions of the treatment since the last visit (dialysis: two or
    /// three, each with its tubing and saline), and the drugs of the disease for the rest.
    /// </summary>
    public List<BillLineInput> Chronic(Random r, FacilityLevel level, ChronicCare care, double drugs)
    {
        var lines = new List<BillLineInput> { Daily("S0001", 1, level switch { FacilityLevel.Village => 5, FacilityLevel.County => 15, _ => 8 }) };
        if (care.Procedure is { } procedure)
        {
            var sessions = r.Next(2, 4);
            lines.Add(Daily(procedure, sessions, 420));
            lines.Add(Daily("M0001", sessions, 3.5m));
            lines.Add(Line("D0011", 12 * sessions));
        }
        if (level != FacilityLevel.Village && r.NextDouble() < 0.1) lines.Add(Daily(r.Pick<string>(["S0005", "S0007", "S0008"]), 1, 0, level));
        AddDrugs(r, lines, care.Drugs, r.Next(1, care.Drugs.Length + 1), Math.Max(drugs, 5));
        return lines;
    }

    public List<BillLineInput> Inpatient(Random r, FacilityLevel level, InpatientCase c, double target, int stay)
    {
        var (bed, nursing, rounds) = level switch { FacilityLevel.Township => (25m, 20m, 10m), FacilityLevel.County => (45m, 30m, 18m), _ => (80m, 45m, 30m) };
        var lines = new List<BillLineInput> { Daily("S0003", stay, bed), Daily("S0004", stay, nursing), Daily("S0002", stay, rounds) };
        foreach (var exam in new[] { "S0005", "S0006", "S0007", "S0008" }.Concat(c.Exams).Distinct()) lines.Add(Daily(exam, 1, 0, level));
        lines.Add(Daily("M0001", stay, 3.5m));
        lines.Add(Line("M0003", r.Next(20, 90)));
        if (c.Procedure is { } procedure)
            lines.Add(procedure == "S0017" ? Daily(procedure, Math.Max(1, stay / 2), 450) : Line(procedure, target * (0.25 + (0.15 * r.NextDouble()))));
        if (c.Implant is { } implant && (implant != "M0004" || r.NextDouble() < 0.3)) lines.Add(Line(implant, target * 0.3));
        if (r.NextDouble() < 0.2) lines.Add(Line(r.Pick<string>(["D0901", "D0902", "S0901"]), target * (0.03 + (0.05 * r.NextDouble()))));
        AddDrugs(r, lines, c.Drugs, c.Drugs.Length, Math.Max(target - Sum(lines), target * 0.15));
        return lines;
    }

    private void AddDrugs(Random r, List<BillLineInput> lines, string[] drugs, int count, double amount)
    {
        var chosen = drugs.OrderBy(_ => r.Next()).Take(count).ToList();
        var weights = chosen.Select(_ => 0.3 + r.NextDouble()).ToList();
        var total = weights.Sum();
        for (var i = 0; i < chosen.Count; i++) lines.Add(Line(chosen[i], Math.Max(1, amount * weights[i] / total)));
    }

    private BillLineInput Daily(string code, int days, decimal price, FacilityLevel? level = null)
    {
        if (price == 0) price = ExamPrices[code] * level switch { FacilityLevel.County => 1.2m, FacilityLevel.OutsideCounty => 1.5m, _ => 1m };
        return new BillLineInput(code, names[code], days, price, Domain.Money.Round(days * price), null, null);
    }

    private BillLineInput Line(string code, double amount) =>
        new(code, names[code], null, null, Domain.Money.Round((decimal)Math.Max(amount, 0.5)), null, null);

    private static double Sum(List<BillLineInput> lines) => (double)lines.Sum(l => l.Amount);
}
