namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// The payers after the basic fund (一站式结算): catastrophic illness insurance on the year's eligible out-of-pocket
/// cost above its threshold, then medical assistance on what still remains for an assisted resident. Each pays no
/// more than its cap and than what remains; each amount is rounded once.
/// </summary>
internal static class OtherPayers
{
    public static Settlement Settle(CalculationInput input, Settlement basic)
    {
        var rules = input.Rules;
        var payers = new List<PayerShare>();
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (basic.Reimbursement != 0) usage[UsagePots.ForBasic(basic.Benefit, basic.BenefitGroup)] = basic.Reimbursement;

        // What the basic fund left of the eligible cost (合规自付): whole fen, since both are.
        var remains = Math.Max(0m, basic.Eligible - basic.Reimbursement);
        if (rules.Catastrophic is { } catastrophic)
        {
            var share = Catastrophic(catastrophic, remains, input.PriorUse);
            if (remains != 0) usage[UsagePots.CatastrophicBase] = remains;
            if (share.Amount != 0) usage[UsagePots.Catastrophic] = share.Amount;
            payers.Add(share);
            remains -= share.Amount;
        }

        if (rules.Assistance?.For(input.AssistanceCategory) is { } assistance)
        {
            var share = Assistance(rules.Assistance, assistance, remains, input.PriorUse);
            if (share.Amount != 0) usage[UsagePots.Assistance] = share.Amount;
            payers.Add(share);
        }

        return basic with
        {
            Payers = payers,
            PatientShare = basic.Total - basic.Reimbursement - payers.Sum(p => p.Amount),
            Usage = usage,
        };
    }

    private static PayerShare Catastrophic(CatastrophicRule rule, decimal outOfPocket, PriorUse prior)
    {
        var before = prior[UsagePots.CatastrophicBase];
        var after = before + outOfPocket;
        // The bands of the accumulated cost from the threshold up to where this claim ends it, less what earlier claims took.
        var (_, uptoAfter) = ReimbursementCalculator.Banded(rule.Threshold, rule.Bands, after, 0m);
        var (_, uptoBefore) = ReimbursementCalculator.Banded(rule.Threshold, rule.Bands, before, 0m);
        var (bands, _) = ReimbursementCalculator.Banded(Math.Max(rule.Threshold, before), BandsFrom(rule, before), after, 0m);
        var beforeCap = uptoAfter - uptoBefore;
        return Capped(Payer.Catastrophic, $"大病保险（{rule.Insurer}）", outOfPocket, before, rule.Threshold, bands, null, beforeCap,
            rule.AnnualCap, prior[UsagePots.Catastrophic]);
    }

    /// <summary>The bands that still lie above an accumulated amount, for display from there on.</summary>
    private static List<CostBand> BandsFrom(CatastrophicRule rule, decimal from) =>
        rule.Bands.Where(b => b.UpperLimit is not { } upper || upper > from).ToList();

    private static PayerShare Assistance(AssistanceRules rules, AssistanceRule rule, decimal remains, PriorUse prior)
    {
        var beforeCap = remains * rule.Ratio;
        var bands = Money.Round(remains) > 0 ? new List<BandShare> { new(0m, null, remains, rule.Ratio, Money.Round(beforeCap)) } : [];
        return Capped(Payer.Assistance, $"医疗救助（{rules.Funder}）", remains, 0m, 0m, bands, rule.Category, beforeCap, rule.AnnualCap,
            prior[UsagePots.Assistance]);
    }

    private static PayerShare Capped(Payer payer, string name, decimal basis, decimal accumulated, decimal threshold, List<BandShare> bands,
        string? category, decimal beforeCap, decimal annualCap, decimal used)
    {
        var remaining = Money.Round(Math.Max(0m, annualCap - used));
        var amount = Money.Round(Math.Min(Math.Min(beforeCap, remaining), basis));
        var shownBeforeCap = Money.Round(beforeCap);
        return new PayerShare(payer, name, basis, accumulated, threshold, bands, category, shownBeforeCap, annualCap, remaining,
            shownBeforeCap - amount, amount, remaining - amount);
    }
}
