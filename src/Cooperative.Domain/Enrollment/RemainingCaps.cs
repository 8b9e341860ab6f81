using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Enrollment;

/// <summary>What is left of a person's annual caps in a fund year (剩余封顶额度), never below zero.</summary>
public sealed record RemainingCaps(decimal Inpatient, decimal Outpatient)
{
    /// <summary>
    /// Inpatient: the year's inpatient cap less what was paid. Outpatient: the highest yearly outpatient cap of
    /// any facility level less what was paid (the county-wide figure; a level's own cap may be lower).
    /// </summary>
    public static RemainingCaps Of(PolicyRules rules, decimal inpatientPaid, decimal outpatientPaid)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var outpatientCap = rules.Outpatient.Count == 0 ? 0m : rules.Outpatient.Max(r => r.CapPerYear);
        return new(Math.Max(0m, rules.InpatientAnnualCap - inpatientPaid), Math.Max(0m, outpatientCap - outpatientPaid));
    }
}
