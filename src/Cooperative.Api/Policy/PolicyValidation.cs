using Cooperative.Api.Infrastructure;

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
        var amounts = new[] { d.IndividualContribution, d.InpatientAnnualCap }
            .Concat(d.Subsidy is { } subsidy ? [subsidy.Central, subsidy.Province, subsidy.County] : [])
            .Concat(d.Inpatient.SelectMany(r => r.Bands.Select(b => b.UpperLimit ?? 0).Append(r.Deductible)))
            .Concat(d.Outpatient.SelectMany(r => new[] { r.CapPerVisit, r.CapPerYear }));
        v.Check(amounts.All(a => a <= MaxAmount), "body", $"金额不能超过 {MaxAmount:0} 元");
        foreach (var problem in d.ToRules().Validate()) v.Add(problem.Field, problem.Message);
        return v;
    }

    private static bool IsFen(decimal amount) => Cooperative.Domain.Money.IsWholeFen(amount);
}
