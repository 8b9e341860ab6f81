namespace Cooperative.Domain.Reimbursement;

/// <summary>Checks a <see cref="PolicyRules"/> for consistency (补偿方案校验).</summary>
internal static class PolicyValidator
{
    public static IReadOnlyList<PolicyProblem> Validate(PolicyRules rules)
    {
        var problems = new List<PolicyProblem>();
        void Add(string field, string message) => problems.Add(new PolicyProblem(field, message));

        if (rules.InpatientAnnualCap <= 0)
        {
            Add("inpatientAnnualCap", "住院年度封顶线必须大于0");
        }

        if (!IsFraction(rules.NoReferralReduction))
        {
            Add("noReferralReduction", "未转诊降低比例必须在0到1之间");
        }

        var inpatient = rules.Inpatient ?? [];
        var outpatient = rules.Outpatient ?? [];
        CheckLevels("inpatient", "住院", inpatient.Select(r => r?.Level), Add);
        CheckLevels("outpatient", "门诊", outpatient.Select(r => r?.Level), Add);

        for (var i = 0; i < inpatient.Count; i++)
        {
            if (inpatient[i] is { } rule)
            {
                CheckInpatient(rule, $"inpatient[{i}]", Add);
            }
        }

        for (var i = 0; i < outpatient.Count; i++)
        {
            if (outpatient[i] is { } rule)
            {
                CheckOutpatient(rule, $"outpatient[{i}]", Add);
            }
        }

        BenefitRulesValidator.Check(rules, Add);
        return problems;
    }

    internal static void CheckLevels(string field, string label, IEnumerable<FacilityLevel?> levels,
        Action<string, string> add)
    {
        var counts = levels.Where(l => l is not null).GroupBy(l => l!.Value).ToDictionary(g => g.Key, g => g.Count());
        foreach (var level in Enum.GetValues<FacilityLevel>())
        {
            var count = counts.GetValueOrDefault(level);
            if (count != 1)
            {
                var name = FacilityLevelNames.Chinese(level);
                add(field, count == 0 ? $"缺少{label}规则：{name}" : $"{label}规则重复：{name}");
            }
        }

        if (counts.Keys.Any(l => !Enum.IsDefined(l)))
        {
            add(field, $"{label}规则含有未知的机构级别");
        }
    }

    internal static void CheckInpatient(InpatientRule rule, string path, Action<string, string> add)
    {
        if (rule.Deductible < 0)
        {
            add($"{path}.deductible", "起付线不能为负数");
        }

        var bands = rule.Bands ?? [];
        if (bands.Count == 0)
        {
            add($"{path}.bands", "至少需要一个报销分段");
            return;
        }

        var previous = rule.Deductible;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var bandPath = $"{path}.bands[{i}]";
            if (!IsFraction(band.Ratio))
            {
                add($"{bandPath}.ratio", "报销比例必须在0到1之间");
            }

            var isLast = i == bands.Count - 1;
            if (band.UpperLimit is not { } upper)
            {
                if (!isLast)
                {
                    add($"{bandPath}.upperLimit", "只有最后一个分段可以不设上限");
                }

                continue;
            }

            if (isLast)
            {
                add($"{bandPath}.upperLimit", "最后一个分段不能设上限");
            }

            if (upper <= previous)
            {
                add($"{bandPath}.upperLimit", i == 0 ? "第一个分段的上限必须高于起付线" : "分段上限必须严格递增");
            }

            previous = Math.Max(previous, upper);
        }
    }

    private static void CheckOutpatient(OutpatientRule rule, string path, Action<string, string> add)
    {
        if (!IsFraction(rule.Ratio))
        {
            add($"{path}.ratio", "报销比例必须在0到1之间");
        }

        // A level that is not covered (ratio 0) may have caps of 0; a covered one needs positive caps.
        var covered = rule.Ratio > 0;
        if (rule.CapPerVisit < 0 || (covered && rule.CapPerVisit == 0))
        {
            add($"{path}.capPerVisit", covered ? "每次封顶必须大于0" : "每次封顶不能为负数");
        }

        if (rule.CapPerYear < 0 || (covered && rule.CapPerYear == 0))
        {
            add($"{path}.capPerYear", covered ? "年度封顶必须大于0" : "年度封顶不能为负数");
        }
    }

    internal static bool IsFraction(decimal value) => value is >= 0m and <= 1m;
}
