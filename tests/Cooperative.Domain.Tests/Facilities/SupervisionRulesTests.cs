using Cooperative.Domain.Facilities;
using CsCheck;
using static Cooperative.Domain.Facilities.FacilityStatus;

namespace Cooperative.Domain.Tests.Facilities;

public class SupervisionRulesTests
{
    [Theory]
    [InlineData(Designated, 1, false, Warned)]
    [InlineData(Designated, 2, false, Warned)]
    [InlineData(Warned, 2, false, Warned)]
    [InlineData(Warned, 3, false, Revoked)]
    [InlineData(Designated, 3, false, Revoked)]
    [InlineData(Designated, 0, false, Designated)]
    [InlineData(Designated, 0, true, Suspended)]
    [InlineData(Warned, 1, true, Suspended)]
    [InlineData(Suspended, 1, false, Suspended)]
    [InlineData(Suspended, 3, false, Revoked)]
    [InlineData(Warned, 4, true, Revoked)]
    public void An_inspection_leaves_the_facility_in_the_expected_status(FacilityStatus current, int uncorrected, bool suspends,
        FacilityStatus expected) =>
        SupervisionRules.AfterInspection(current, uncorrected, suspends).Should().Be(expected);

    [Fact]
    public void The_third_uncorrected_warning_revokes_whatever_else_the_inspection_decided()
    {
        Gen.Select(Gen.OneOfConst(Designated, Warned, Suspended), Gen.Int[3, 50], Gen.Bool).Sample((current, uncorrected, suspends) =>
            SupervisionRules.AfterInspection(current, uncorrected, suspends).Should().Be(Revoked));
    }

    [Fact]
    public void Fewer_than_three_uncorrected_warnings_never_revoke()
    {
        Gen.Select(Gen.OneOfConst(Designated, Warned, Suspended), Gen.Int[0, 2], Gen.Bool).Sample((current, uncorrected, suspends) =>
            SupervisionRules.AfterInspection(current, uncorrected, suspends).Should().NotBe(Revoked));
    }

    [Theory]
    [InlineData(Applying)]
    [InlineData(Revoked)]
    public void A_facility_without_a_designation_is_not_changed_by_an_inspection(FacilityStatus current) =>
        SupervisionRules.AfterInspection(current, 5, true).Should().Be(current);

    [Theory]
    [InlineData(Warned, 0, Designated)]
    [InlineData(Warned, 1, Warned)]
    [InlineData(Suspended, 0, Suspended)]
    [InlineData(Revoked, 0, Revoked)]
    public void Correcting_a_warning_designates_a_warned_facility_again_only_when_none_remains(FacilityStatus current, int remaining,
        FacilityStatus expected) =>
        SupervisionRules.AfterCorrection(current, remaining).Should().Be(expected);

    [Theory]
    [InlineData(0, Designated)]
    [InlineData(2, Warned)]
    public void A_reinstated_facility_is_warned_while_warnings_remain(int remaining, FacilityStatus expected) =>
        SupervisionRules.OnReinstatement(remaining).Should().Be(expected);

    [Fact]
    public void Every_status_the_rules_reach_is_an_allowed_transition()
    {
        Gen.Select(Gen.OneOfConst(Designated, Warned, Suspended), Gen.Int[0, 5], Gen.Bool).Sample((current, uncorrected, suspends) =>
        {
            var next = SupervisionRules.AfterInspection(current, uncorrected, suspends);
            (next == current || FacilityStatusTransitions.IsAllowed(current, next)).Should().BeTrue($"{current} → {next}");
        });
    }
}
