using Cooperative.Api.Infrastructure;
using Cooperative.Domain;

namespace Cooperative.Api.Policy;

internal static class PolicyValidation
{
    /// <summary>No figure of a policy reaches a hundred million yuan: sums over a county's claims and members stay far from overflowing.</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>Scalar figures here; the rules by level are checked by the domain (PolicyRules.Validate).</summary>
    public static Validation Validate(PolicyDocument? d)
    {
        var v = new Validation();
        if (d is null)
        {
            v.Add("body", "请求内容不能为空");
            return v;
        }
        v.Check(d.IndividualContribution >= 0 && IsFen(d.IndividualContribution), "individualContribution", "个人缴费标准必须为非负金额，精确到分")
         .Check(d.Subsidy is not null, "subsidy", "财政补助标准不能为空")
         .Check(d.RiskReserveShare is >= 0 and < 1, "riskReserveShare", "风险基金提取比例必须在 0 到 1 之间")
         .Check(d.ClaimDeadlineDays is > 0 and <= 3650, "claimDeadlineDays", "报销时限必须为 1 到 3650 天")
         .Check(d.Inpatient is not null, "inpatient", "住院补偿规则不能为空")
         .Check(d.Outpatient is not null, "outpatient", "门诊补偿规则不能为空");
        if (d.Subsidy is { } s)
            v.Check(s.Central >= 0 && s.Province >= 0 && s.County >= 0 && IsFen(s.Central) && IsFen(s.Province) && IsFen(s.County),
                "subsidy", "财政补助标准必须为非负金额，精确到分");
        if (d.Inpatient is null || d.Outpatient is null) return v;
        var inpatientBroken = d.Inpatient.Any(r => r is null || r.Bands is null || r.Bands.Any(b => b is null));
        var outpatientBroken = d.Outpatient.Any(r => r is null);
        if (inpatientBroken) v.Add("inpatient", "住院补偿规则及其费用分段不能为空");
        if (outpatientBroken) v.Add("outpatient", "门诊补偿规则不能为空");
        if (inpatientBroken || outpatientBroken) return v;
        if (SpecialRulesBroken(d) is { } broken)
        {
            v.Add(broken.Field, broken.Message);
            return v;
        }
        var amounts = new[] { d.IndividualContribution, d.InpatientAnnualCap }
            .Concat(d.Subsidy is { } subsidy ? [subsidy.Central, subsidy.Province, subsidy.County] : [])
            .Concat(d.Inpatient.SelectMany(r => r.Bands.Select(b => b.UpperLimit ?? 0).Append(r.Deductible)))
            .Concat(d.Outpatient.SelectMany(r => new[] { r.CapPerVisit, r.CapPerYear }))
            .Concat((d.ChronicGroups ?? []).Select(g => g?.AnnualCap ?? 0))
            .Concat((d.Delivery?.Subsidies ?? []).Select(s => s?.Amount ?? 0))
            .Concat(d.Catastrophic is { } c ? (c.Bands ?? []).Select(b => b?.UpperLimit ?? 0).Append(c.Threshold).Append(c.AnnualCap) : [])
            .Concat((d.Assistance?.Categories ?? []).Select(a => a?.AnnualCap ?? 0));
        v.Check(amounts.All(a => a <= MaxAmount), "body", $"金额不能超过 {MaxAmount:0} 元");
        var categories = d.Assistance?.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
            v.Check(Vocabulary.TryParse(categories[i].Category, out Domain.Enrollment.PersonCategory category)
                    && category != Domain.Enrollment.PersonCategory.None,
                $"assistance.categories[{i}].category",
                $"救助对象类别应为人员类别 {string.Join("、", Vocabulary.Terms(typeof(Domain.Enrollment.PersonCategory)).Skip(1).Select(t => t.Code))} 之一");
        foreach (var problem in d.ToRules().Validate()) v.Add(problem.Field, problem.Message);
        return v;
    }

    /// <summary>Lists and items of the optional rules that are null (the domain's checks read them).</summary>
    private static (string Field, string Message)? SpecialRulesBroken(PolicyDocument d)
    {
        if (d.ChronicGroups is { } groups && groups.Any(g => g is null || g.Diseases is null || g.Diseases.Any(x => x is null)))
            return ("chronicGroups", "慢性病病种组及其病种不能为空");
        if (d.Delivery is { } delivery && (delivery.DiagnosisCodes is null || delivery.Subsidies is null
                                           || delivery.DiagnosisCodes.Any(x => x is null) || delivery.Subsidies.Any(x => x is null)))
            return ("delivery", "住院分娩的诊断编码与定额补助不能为空");
        if (d.Catastrophic is { } catastrophic && (catastrophic.Bands is null || catastrophic.Bands.Any(b => b is null)))
            return ("catastrophic", "大病保险的报销分段不能为空");
        if (d.Assistance is { } assistance && (assistance.Categories is null || assistance.Categories.Any(c => c is null)))
            return ("assistance", "医疗救助的救助类别不能为空");
        return null;
    }

    private static bool IsFen(decimal amount) => Cooperative.Domain.Money.IsWholeFen(amount);
}
