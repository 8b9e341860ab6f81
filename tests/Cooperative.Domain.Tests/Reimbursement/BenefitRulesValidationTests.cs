using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class BenefitRulesValidationTests
{
    private static readonly PolicyRules Full = OneStopPolicy.Full;

    private static PolicyRules WithGroups(params ChronicDiseaseGroup[] groups) => Full with { ChronicGroups = groups };

    private static PolicyRules WithBands(params CostBand[] bands) => Full with { Catastrophic = Full.Catastrophic! with { Bands = bands } };

    private static PolicyRules WithCategories(params AssistanceRule[] categories) =>
        Full with { Assistance = Full.Assistance! with { Categories = categories } };

    [Fact]
    public void A_policy_with_every_rule_validates_clean()
    {
        Full.Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_duplicate_group_code_is_a_problem()
    {
        var again = OneStopPolicy.Special with { Code = "A" };

        WithGroups(OneStopPolicy.GroupA, again).Validate().Should().Equal(new PolicyProblem("chronicGroups[1].code", "病种组编码重复：A"));
    }

    [Fact]
    public void A_disease_listed_in_two_groups_is_a_problem()
    {
        var special = OneStopPolicy.Special with { Diseases = [.. OneStopPolicy.Special.Diseases, new ChronicDisease("I10", "高血压")] };

        WithGroups(OneStopPolicy.GroupA, special).Validate().Should()
            .Equal(new PolicyProblem("chronicGroups[1].diseases[3].code", "病种 I10 已列入病种组 A"));
    }

    [Theory]
    [InlineData("i10")]
    [InlineData("I1")]
    [InlineData("I10.")]
    [InlineData("高血压")]
    [InlineData("")]
    public void A_disease_code_that_is_not_icd10_is_a_problem(string code)
    {
        var group = OneStopPolicy.GroupA with { Diseases = [new ChronicDisease(code, "高血压")] };

        WithGroups(group).Validate().Should()
            .Equal(new PolicyProblem("chronicGroups[0].diseases[0].code", "病种编码必须是 ICD-10 编码或类目，如 I10、E11.9"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.01")]
    [InlineData("-0.5")]
    public void A_group_ratio_of_zero_or_above_one_is_a_problem(string ratio)
    {
        var group = OneStopPolicy.GroupA with { Ratio = decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture) };

        WithGroups(group).Validate().Should().Equal(new PolicyProblem("chronicGroups[0].ratio", "报销比例必须大于0且不超过1"));
    }

    [Fact]
    public void A_group_ratio_of_one_is_allowed()
    {
        WithGroups(OneStopPolicy.GroupA with { Ratio = 1m }).Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_group_cap_not_above_zero_is_a_problem(int cap)
    {
        WithGroups(OneStopPolicy.GroupA with { AnnualCap = cap }).Validate().Should()
            .Equal(new PolicyProblem("chronicGroups[0].annualCap", "年度封顶必须大于0"));
    }

    [Fact]
    public void A_group_without_diseases_and_a_bad_group_code_are_problems()
    {
        var group = OneStopPolicy.GroupA with { Code = "慢性病 A", Diseases = [] };

        WithGroups(group).Validate().Should().BeEquivalentTo(
        [
            new PolicyProblem("chronicGroups[0].code", "病种组编码为1至16位字母、数字、下划线或连字符"),
            new PolicyProblem("chronicGroups[0].diseases", "每个病种组至少列出一个病种"),
        ]);
    }

    [Fact]
    public void A_delivery_rule_missing_a_level_is_a_problem()
    {
        var delivery = OneStopPolicy.Delivery with
        {
            Subsidies = OneStopPolicy.Delivery.Subsidies.Where(s => s.Level != FacilityLevel.Village).ToList(),
        };

        (Full with { Delivery = delivery }).Validate().Should()
            .Equal(new PolicyProblem("delivery.subsidies", "缺少住院分娩定额补助规则：村卫生室"));
    }

    [Fact]
    public void A_negative_delivery_subsidy_is_a_problem()
    {
        var delivery = OneStopPolicy.Delivery with
        {
            Subsidies = [.. OneStopPolicy.Delivery.Subsidies.Select(s => s.Level == FacilityLevel.Township ? s with { Amount = -1m } : s)],
        };

        (Full with { Delivery = delivery }).Validate().Should()
            .Equal(new PolicyProblem("delivery.subsidies[1].amount", "定额补助不能为负数"));
    }

    [Fact]
    public void A_bad_delivery_code_and_an_empty_code_list_are_problems()
    {
        (Full with { Delivery = OneStopPolicy.Delivery with { DiagnosisCodes = ["O80", "080"] } }).Validate().Should()
            .Equal(new PolicyProblem("delivery.diagnosisCodes[1]", "分娩诊断编码必须是 ICD-10 编码或类目，如 O80"));
        (Full with { Delivery = OneStopPolicy.Delivery with { DiagnosisCodes = [] } }).Validate().Should()
            .Equal(new PolicyProblem("delivery.diagnosisCodes", "至少列出一个分娩诊断编码（如 O80）"));
    }

    [Fact]
    public void Catastrophic_bands_not_increasing_are_a_problem()
    {
        WithBands(new CostBand(50_000m, 0.50m), new CostBand(40_000m, 0.60m), new CostBand(null, 0.70m)).Validate().Should()
            .Equal(new PolicyProblem("catastrophic.bands[1].upperLimit", "分段上限必须严格递增"));
    }

    [Fact]
    public void A_bounded_last_catastrophic_band_is_a_problem()
    {
        WithBands(new CostBand(50_000m, 0.50m), new CostBand(100_000m, 0.60m)).Validate().Should()
            .Equal(new PolicyProblem("catastrophic.bands[1].upperLimit", "最后一个分段不能设上限"));
    }

    [Fact]
    public void A_first_catastrophic_band_ending_at_the_threshold_is_a_problem()
    {
        WithBands(new CostBand(10_000m, 0.50m), new CostBand(null, 0.60m)).Validate().Should()
            .Equal(new PolicyProblem("catastrophic.bands[0].upperLimit", "第一个分段的上限必须高于起付线"));
    }

    [Fact]
    public void A_negative_catastrophic_threshold_is_one_problem_of_the_threshold()
    {
        (Full with { Catastrophic = OneStopPolicy.Catastrophic with { Threshold = -1m } }).Validate().Should()
            .Equal(new PolicyProblem("catastrophic.threshold", "大病保险起付线不能为负数"));
    }

    [Fact]
    public void A_missing_insurer_and_a_cap_not_above_zero_are_problems()
    {
        (Full with { Catastrophic = OneStopPolicy.Catastrophic with { Insurer = " ", AnnualCap = 0m } }).Validate().Should().BeEquivalentTo(
        [
            new PolicyProblem("catastrophic.insurer", "必须填写承办大病保险的保险公司"),
            new PolicyProblem("catastrophic.annualCap", "大病保险年度封顶必须大于0"),
        ]);
    }

    [Fact]
    public void A_duplicate_assistance_category_is_a_problem()
    {
        WithCategories(new AssistanceRule("Dibao", 0.5m, 10_000m), new AssistanceRule("Dibao", 0.6m, 12_000m)).Validate().Should()
            .Equal(new PolicyProblem("assistance.categories[1].category", "救助对象类别重复：Dibao"));
    }

    [Fact]
    public void One_category_spelled_two_ways_is_a_duplicate()
    {
        // 低保 and dibao name one category: two rules for it would leave which one pays to the order of the list.
        WithCategories(new AssistanceRule("低保", 0.5m, 10_000m), new AssistanceRule("dibao", 0.9m, 50_000m)).Validate().Should()
            .Equal(new PolicyProblem("assistance.categories[1].category", "救助对象类别重复：dibao"));
    }

    [Fact]
    public void An_assistance_ratio_above_one_is_a_problem()
    {
        WithCategories(new AssistanceRule("Dibao", 1.2m, 10_000m)).Validate().Should()
            .Equal(new PolicyProblem("assistance.categories[0].ratio", "救助比例必须在0到1之间"));
    }

    [Fact]
    public void Assistance_without_categories_is_a_problem()
    {
        WithCategories().Validate().Should().Equal(new PolicyProblem("assistance.categories", "医疗救助至少需要一个救助对象类别"));
    }

    [Fact]
    public void The_calculator_refuses_a_policy_with_a_bad_benefit_rule()
    {
        var rules = WithGroups(OneStopPolicy.GroupA with { Ratio = 0m });

        var act = () => OneStopPolicy.Settle(rules, FacilityLevel.Township, VisitType.Outpatient, [Claims.Covered(10m)]);

        act.Should().Throw<ArgumentException>().WithMessage("*chronicGroups[0].ratio*");
    }
}
