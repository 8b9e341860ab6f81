using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class PolicyRulesTests
{
    private static PolicyRules WithCountyBands(params CostBand[] bands) => DefaultPolicy.Rules with
    {
        Inpatient = [.. DefaultPolicy.Rules.Inpatient.Select(r => r.Level == FacilityLevel.County ? r with { Bands = bands } : r)],
    };

    [Fact]
    public void The_default_policy_validates_clean()
    {
        DefaultPolicy.Rules.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Unordered_bands_are_a_problem()
    {
        var rules = WithCountyBands(new CostBand(5_000m, 0.70m), new CostBand(3_000m, 0.75m), new CostBand(null, 0.80m));

        rules.Validate().Should().ContainSingle()
            .Which.Should().Be(new PolicyProblem("inpatient[3].bands[1].upperLimit", "分段上限必须严格递增"));
    }

    [Fact]
    public void A_ratio_of_150_percent_is_a_problem()
    {
        var rules = WithCountyBands(new CostBand(5_000m, 0.70m), new CostBand(null, 1.5m));

        rules.Validate().Should().ContainSingle().Which.Field.Should().Be("inpatient[3].bands[1].ratio");
    }

    [Fact]
    public void A_bounded_last_band_and_an_unbounded_middle_band_are_problems()
    {
        var rules = WithCountyBands(new CostBand(null, 0.70m), new CostBand(9_000m, 0.80m));

        rules.Validate().Select(p => p.Field).Should().BeEquivalentTo(
            "inpatient[3].bands[0].upperLimit", "inpatient[3].bands[1].upperLimit");
    }

    [Fact]
    public void A_first_band_ending_at_or_below_the_deductible_is_a_problem()
    {
        WithCountyBands(new CostBand(400m, 0.70m), new CostBand(null, 0.80m)).Validate()
            .Should().ContainSingle().Which.Field.Should().Be("inpatient[3].bands[0].upperLimit");
    }

    [Fact]
    public void Missing_and_duplicate_levels_are_problems()
    {
        var rules = DefaultPolicy.Rules with
        {
            Inpatient = DefaultPolicy.Rules.Inpatient.Where(r => r.Level != FacilityLevel.Village).ToList(),
            Outpatient = [.. DefaultPolicy.Rules.Outpatient, DefaultPolicy.Rules.Outpatient[0]],
        };

        rules.Validate().Should().BeEquivalentTo(
        [
            new PolicyProblem("inpatient", "缺少住院规则：村卫生室"),
            new PolicyProblem("outpatient", "门诊规则重复：村卫生室"),
        ]);
    }

    [Fact]
    public void Negative_amounts_and_non_positive_caps_are_problems()
    {
        var rules = DefaultPolicy.Rules with
        {
            InpatientAnnualCap = 0m,
            NoReferralReduction = -0.1m,
            Inpatient = [.. DefaultPolicy.Rules.Inpatient.Select(r => r with { Deductible = r.Level == FacilityLevel.Township ? -1m : r.Deductible })],
            Outpatient = [.. DefaultPolicy.Rules.Outpatient.Select(r => r.Level == FacilityLevel.Village ? r with { CapPerVisit = 0m } : r)],
        };

        rules.Validate().Select(p => p.Field).Should().BeEquivalentTo(
            "inpatientAnnualCap", "noReferralReduction", "inpatient[1].deductible", "outpatient[0].capPerVisit");
    }
}
