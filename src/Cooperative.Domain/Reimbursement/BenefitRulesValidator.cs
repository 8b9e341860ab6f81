using System.Text.RegularExpressions;

namespace Cooperative.Domain.Reimbursement;

/// <summary>Checks the rules of the special benefit kinds and of the other payers.</summary>
internal static partial class BenefitRulesValidator
{
    public static void Check(PolicyRules rules, Action<string, string> add)
    {
        CheckChronic(rules.ChronicGroups ?? [], add);
        if (rules.Delivery is { } delivery) CheckDelivery(delivery, add);
        if (rules.Catastrophic is { } catastrophic) CheckCatastrophic(catastrophic, add);
        if (rules.Assistance is { } assistance) CheckAssistance(assistance, add);
    }

    private static void CheckChronic(IReadOnlyList<ChronicDiseaseGroup> groups, Action<string, string> add)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var diseases = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var path = $"chronicGroups[{i}]";
            if (groups[i] is not { } g)
            {
                add(path, "病种组不能为空");
                continue;
            }
            if (string.IsNullOrWhiteSpace(g.Code) || !GroupCode().IsMatch(g.Code)) add($"{path}.code", "病种组编码为1至16位字母、数字、下划线或连字符");
            else if (!codes.Add(g.Code)) add($"{path}.code", $"病种组编码重复：{g.Code}");
            if (string.IsNullOrWhiteSpace(g.Name)) add($"{path}.name", "病种组名称不能为空");
            if (!PolicyValidator.IsFraction(g.Ratio) || g.Ratio == 0) add($"{path}.ratio", "报销比例必须大于0且不超过1");
            if (g.AnnualCap <= 0) add($"{path}.annualCap", "年度封顶必须大于0");
            var list = g.Diseases ?? [];
            if (list.Count == 0) add($"{path}.diseases", "每个病种组至少列出一个病种");
            for (var j = 0; j < list.Count; j++)
            {
                var dpath = $"{path}.diseases[{j}]";
                if (list[j] is not { } d || !IcdCodes.IsValid(d.Code)) add($"{dpath}.code", "病种编码必须是 ICD-10 编码或类目，如 I10、E11.9");
                else if (string.IsNullOrWhiteSpace(d.Name)) add($"{dpath}.name", "病种名称不能为空");
                else if (diseases.TryGetValue(d.Code, out var other)) add($"{dpath}.code", $"病种 {d.Code} 已列入病种组 {other}");
                else diseases[d.Code] = g.Code ?? "";
            }
        }
    }

    private static void CheckDelivery(DeliveryRule d, Action<string, string> add)
    {
        var codes = d.DiagnosisCodes ?? [];
        if (codes.Count == 0) add("delivery.diagnosisCodes", "至少列出一个分娩诊断编码（如 O80）");
        for (var i = 0; i < codes.Count; i++)
            if (!IcdCodes.IsValid(codes[i])) add($"delivery.diagnosisCodes[{i}]", "分娩诊断编码必须是 ICD-10 编码或类目，如 O80");
        var subsidies = d.Subsidies ?? [];
        PolicyValidator.CheckLevels("delivery.subsidies", "住院分娩定额补助", subsidies.Select(s => s?.Level), add);
        for (var i = 0; i < subsidies.Count; i++)
            if (subsidies[i] is { } s && s.Amount < 0) add($"delivery.subsidies[{i}].amount", "定额补助不能为负数");
    }

    private static void CheckCatastrophic(CatastrophicRule c, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(c.Insurer)) add("catastrophic.insurer", "必须填写承办大病保险的保险公司");
        if (c.Threshold < 0) add("catastrophic.threshold", "大病保险起付线不能为负数");
        if (c.AnnualCap <= 0) add("catastrophic.annualCap", "大病保险年度封顶必须大于0");
        // The bands are checked as an inpatient rule's are: the threshold is their deductible. A negative threshold is
        // reported above, once and under its own name, not again as a "catastrophic.deductible" the rule does not have.
        PolicyValidator.CheckInpatient(new InpatientRule(FacilityLevel.County, Math.Max(0m, c.Threshold), c.Bands ?? []), "catastrophic", add);
    }

    private static void CheckAssistance(AssistanceRules a, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(a.Funder)) add("assistance.funder", "必须填写医疗救助的资金来源（如 民政局）");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var categories = a.Categories ?? [];
        if (categories.Count == 0) add("assistance.categories", "医疗救助至少需要一个救助对象类别");
        for (var i = 0; i < categories.Count; i++)
        {
            var path = $"assistance.categories[{i}]";
            if (categories[i] is not { } c)
            {
                add(path, "救助类别不能为空");
                continue;
            }
            if (string.IsNullOrWhiteSpace(c.Category)) add($"{path}.category", "救助对象类别不能为空");
            // 低保 and dibao are one category: duplicates are found by the category, not by its spelling.
            else if (!seen.Add(Vocabulary.TryParse(c.Category, out Enrollment.PersonCategory p) ? Vocabulary.Code(p) : c.Category))
                add($"{path}.category", $"救助对象类别重复：{c.Category}");
            if (!PolicyValidator.IsFraction(c.Ratio)) add($"{path}.ratio", "救助比例必须在0到1之间");
            if (c.AnnualCap < 0) add($"{path}.annualCap", "年度救助封顶不能为负数");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex GroupCode();
}
