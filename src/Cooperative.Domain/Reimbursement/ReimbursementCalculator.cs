namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// Computes the fund's reimbursement (费用补偿) of one claim. Pure: the result depends only on the input.
/// </summary>
public static class ReimbursementCalculator
{
    /// <summary>
    /// Settles a claim: eligible amount, deductible, ratio bands, per-visit and annual caps. All intermediates are
    /// kept unrounded; the reimbursement is rounded to the fen once, and the patient pays the exact rest.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// When the rules are invalid, a line has a negative amount or more than two decimals, a self-pay share is
    /// outside 0..1, or prior use is negative.
    /// </exception>
    public static Settlement Calculate(CalculationInput input)
    {
        CalculationGuard.Check(input);

        var lines = input.Lines;
        var total = lines.Sum(l => l.Amount);
        var excluded = lines.Where(l => l.Status == CatalogueStatus.Excluded).Sum(l => l.Amount);
        var partlySelfPaid = lines
            .Where(l => l.Status == CatalogueStatus.PartlyCovered)
            .Sum(l => l.Amount * l.SelfPayShare);
        var amounts = new Amounts(total, excluded, partlySelfPaid, total - excluded - partlySelfPaid);

        return input.VisitType == VisitType.Inpatient
            ? Inpatient(input, amounts)
            : Outpatient(input, amounts);
    }

    private static Settlement Inpatient(CalculationInput input, Amounts amounts)
    {
        var rule = input.Rules.InpatientFor(input.Level);
        var reduction = input.Level == FacilityLevel.OutsideCounty && !input.Referred
            ? input.Rules.NoReferralReduction
            : 0m;
        var eligible = amounts.Eligible;

        var bands = new List<BandShare>();
        var beforeCaps = 0m;
        var from = rule.Deductible;
        foreach (var band in rule.Bands)
        {
            var top = band.UpperLimit is { } upper ? Math.Min(eligible, upper) : eligible;
            var amount = top - from;
            if (amount > 0)
            {
                var ratio = Math.Max(0m, band.Ratio - reduction);
                var payable = amount * ratio;
                beforeCaps += payable;
                if (Money.Round(amount) > 0)
                {
                    // A sub-fen sliver still counts in BeforeCaps but is not shown as a band of 0.00.
                    bands.Add(new BandShare(from, band.UpperLimit, Money.Round(amount), ratio, Money.Round(payable)));
                }
            }

            from = band.UpperLimit is { } limit ? Math.Max(from, limit) : from;
        }

        var steps = new Steps(Math.Min(rule.Deductible, eligible), bands, reduction, beforeCaps, beforeCaps);
        return Finish(amounts, steps, input.Rules.InpatientAnnualCap, input.PriorUse.InpatientPaidThisYear);
    }

    private static Settlement Outpatient(CalculationInput input, Amounts amounts)
    {
        var rule = input.Rules.OutpatientFor(input.Level);
        var eligible = amounts.Eligible;
        var beforeCaps = eligible * rule.Ratio;
        var bands = Money.Round(eligible) > 0
            ? new[] { new BandShare(0m, null, Money.Round(eligible), rule.Ratio, Money.Round(beforeCaps)) }
            : [];

        var steps = new Steps(0m, bands, 0m, beforeCaps, Math.Min(beforeCaps, rule.CapPerVisit));
        return Finish(amounts, steps, rule.CapPerYear, input.PriorUse.OutpatientPaidThisYear);
    }

    private static Settlement Finish(Amounts amounts, Steps steps, decimal annualCap, decimal priorUse)
    {
        var remaining = Money.Round(Math.Max(0m, annualCap - priorUse));
        var reimbursement = Money.Round(Math.Min(steps.AfterPerVisitCap, remaining));

        // Displayed steps are differences of rounded values, so they add up to the rounded reimbursement.
        var shownBeforeCaps = Money.Round(steps.BeforeCaps);
        var shownAfterPerVisit = Money.Round(steps.AfterPerVisitCap);

        return new Settlement(
            Total: amounts.Total,
            Excluded: amounts.Excluded,
            PartlySelfPaid: Money.Round(amounts.PartlySelfPaid),
            Eligible: Money.Round(amounts.Eligible),
            DeductibleApplied: Money.Round(steps.Deductible),
            Bands: steps.Bands,
            RatioReduction: steps.Reduction,
            BeforeCaps: shownBeforeCaps,
            PerVisitCapApplied: shownBeforeCaps - shownAfterPerVisit,
            AnnualCap: annualCap,
            CapRemainingBefore: remaining,
            CapCut: shownAfterPerVisit - reimbursement,
            Reimbursement: reimbursement,
            PatientShare: amounts.Total - reimbursement,
            CapRemainingAfter: remaining - reimbursement);
    }

    private sealed record Amounts(decimal Total, decimal Excluded, decimal PartlySelfPaid, decimal Eligible);

    private sealed record Steps(
        decimal Deductible,
        IReadOnlyList<BandShare> Bands,
        decimal Reduction,
        decimal BeforeCaps,
        decimal AfterPerVisitCap);
}
