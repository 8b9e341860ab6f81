namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// Computes the one-stop settlement (一站式结算) of one claim: the basic fund (费用补偿) under the claim's benefit kind,
/// then catastrophic illness insurance, then medical assistance; the patient pays what remains. Pure: the result
/// depends only on the input.
/// </summary>
public static class ReimbursementCalculator
{
    /// <summary>
    /// Settles a claim: eligible amount, the kind's rule (deductible and ratio bands, per-visit and annual caps, a
    /// group's ratio, a delivery subsidy), then each other payer. All intermediates are kept unrounded; each payer's
    /// amount is rounded to the fen once, and the patient pays the exact rest.
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

        var decision = BenefitDecision.Decide(input);
        var basic = decision.Kind switch
        {
            BenefitKind.Inpatient => Inpatient(input, amounts),
            BenefitKind.Outpatient => Outpatient(input, amounts),
            BenefitKind.ChronicDisease => Chronic(input, amounts, decision.Group!),
            BenefitKind.Delivery => Delivery(input, amounts, input.Rules.Delivery!),
        };
        var notes = decision.Notes.ToList();
        if (input.ReferralNote is { Length: > 0 } referral) notes.Add(referral);
        basic = basic with { Benefit = decision.Kind, BenefitGroup = decision.Group?.Code, BenefitGroupName = decision.Group?.Name, Notes = notes };
        return OtherPayers.Settle(input, basic);
    }

    private static Settlement Inpatient(CalculationInput input, Amounts amounts)
    {
        var steps = InpatientSteps(input, amounts);
        return Finish(amounts, steps, input.Rules.InpatientAnnualCap, input.PriorUse[UsagePots.Inpatient]);
    }

    private static Steps InpatientSteps(CalculationInput input, Amounts amounts)
    {
        var rule = input.Rules.InpatientFor(input.Level);
        var reduction = input.Level == FacilityLevel.OutsideCounty && !input.Referred
            ? input.Rules.NoReferralReduction
            : 0m;
        var (bands, beforeCaps) = Banded(rule.Deductible, rule.Bands, amounts.Eligible, reduction);
        return new Steps(Math.Min(rule.Deductible, amounts.Eligible), bands, reduction, beforeCaps, beforeCaps);
    }

    /// <summary>The bands of an amount above a starting point (a deductible or a threshold), each at its ratio less a reduction.</summary>
    internal static (List<BandShare> Bands, decimal Payable) Banded(decimal start, IReadOnlyList<CostBand> rule, decimal upTo, decimal reduction)
    {
        var bands = new List<BandShare>();
        var payableSum = 0m;
        var from = start;
        foreach (var band in rule)
        {
            var top = band.UpperLimit is { } upper ? Math.Min(upTo, upper) : upTo;
            var amount = top - from;
            if (amount > 0)
            {
                var ratio = Math.Max(0m, band.Ratio - reduction);
                var payable = amount * ratio;
                payableSum += payable;
                if (Money.Round(amount) > 0)
                {
                    // A sub-fen sliver still counts in the payable but is not shown as a band of 0.00.
                    bands.Add(new BandShare(from, band.UpperLimit, Money.Round(amount), ratio, Money.Round(payable)));
                }
            }

            from = band.UpperLimit is { } limit ? Math.Max(from, limit) : from;
        }

        return (bands, payableSum);
    }

    private static Settlement Outpatient(CalculationInput input, Amounts amounts)
    {
        var rule = input.Rules.OutpatientFor(input.Level);
        var steps = Proportional(amounts.Eligible, rule.Ratio, rule.CapPerVisit);
        return Finish(amounts, steps, rule.CapPerYear, input.PriorUse[UsagePots.Outpatient]);
    }

    private static Settlement Chronic(CalculationInput input, Amounts amounts, ChronicDiseaseGroup group)
    {
        var steps = Proportional(amounts.Eligible, group.Ratio, null);
        return Finish(amounts, steps, group.AnnualCap, input.PriorUse[UsagePots.Chronic(group.Code)]);
    }

    private static Steps Proportional(decimal eligible, decimal ratio, decimal? capPerVisit)
    {
        var beforeCaps = eligible * ratio;
        var bands = Money.Round(eligible) > 0
            ? new List<BandShare> { new(0m, null, Money.Round(eligible), ratio, Money.Round(beforeCaps)) }
            : [];
        return new Steps(0m, bands, 0m, beforeCaps, capPerVisit is { } cap ? Math.Min(beforeCaps, cap) : beforeCaps);
    }

    /// <summary>The level's fixed subsidy, never more than the eligible amount; or the inpatient rule's result if the policy compares and it pays more.</summary>
    private static Settlement Delivery(CalculationInput input, Amounts amounts, DeliveryRule rule)
    {
        var subsidy = Math.Min(rule.SubsidyFor(input.Level), Math.Max(0m, amounts.Eligible));
        var inpatient = rule.InpatientRuleIfMore ? InpatientSteps(input, amounts) : null;
        var steps = inpatient is not null && inpatient.BeforeCaps > subsidy
            ? inpatient
            : new Steps(0m, [], 0m, subsidy, subsidy);
        var settlement = Finish(amounts, steps, input.Rules.InpatientAnnualCap, input.PriorUse[UsagePots.Inpatient]);
        return settlement with
        {
            DeliverySubsidy = Money.Round(subsidy),
            InpatientRuleAmount = inpatient is null ? null : Money.Round(inpatient.BeforeCaps),
        };
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
