using Cooperative.Domain.Facilities;
using static Cooperative.Domain.Facilities.FacilityStatus;

namespace Cooperative.Domain.Tests.Facilities;

public class ContractTermTests
{
    private static readonly ContractTerm Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void A_term_covers_its_first_and_last_day_and_nothing_outside()
    {
        Year2026.Covers(new DateOnly(2026, 1, 1)).Should().BeTrue();
        Year2026.Covers(new DateOnly(2026, 12, 31)).Should().BeTrue();
        Year2026.Covers(new DateOnly(2025, 12, 31)).Should().BeFalse();
        Year2026.Covers(new DateOnly(2027, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void Terms_sharing_a_day_overlap_and_consecutive_terms_do_not()
    {
        Year2026.Overlaps(new ContractTerm(new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 30))).Should().BeTrue();
        Year2026.Overlaps(new ContractTerm(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))).Should().BeFalse();
        Year2026.Overlaps(new ContractTerm(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))).Should().BeTrue();
    }

    [Fact]
    public void A_term_ended_before_it_began_overlaps_nothing()
    {
        var empty = new ContractTerm(new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31));

        empty.Overlaps(Year2026).Should().BeFalse();
        Year2026.Overlaps(empty).Should().BeFalse();
    }

    [Fact]
    public void A_term_must_end_after_it_starts_and_last_less_than_three_years()
    {
        Year2026.Problem().Should().BeNull();
        new ContractTerm(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)).Problem().Should().BeNull();
        new ContractTerm(new DateOnly(2026, 1, 1), new DateOnly(2029, 1, 1)).Problem().Should().Contain("3年");
        new ContractTerm(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31)).Problem().Should().Contain("不能早于");
    }
}

public class EligibilityRuleTests
{
    [Theory]
    [InlineData(Designated, true, EligibilityVerdict.Eligible)]
    [InlineData(Warned, true, EligibilityVerdict.Eligible)]
    [InlineData(Designated, false, EligibilityVerdict.NoActiveContract)]
    [InlineData(Suspended, true, EligibilityVerdict.Suspended)]
    [InlineData(Suspended, false, EligibilityVerdict.Suspended)]
    [InlineData(Applying, true, EligibilityVerdict.NotDesignated)]
    [InlineData(Revoked, true, EligibilityVerdict.NotDesignated)]
    public void Only_a_designated_or_warned_facility_with_a_letter_may_submit_claims(FacilityStatus status, bool hasLetter,
        EligibilityVerdict expected) =>
        EligibilityRule.Check(status, hasLetter).Should().Be(expected);

    [Fact]
    public void An_unknown_facility_is_not_found() =>
        EligibilityRule.Check(null, hasActiveContract: false).Should().Be(EligibilityVerdict.FacilityNotFound);
}

public class LicenceNumberTests
{
    [Theory]
    [InlineData("88139986633019911A1074", true)]
    [InlineData("PDY81234X33019932A1001", true)]
    [InlineData("88139986633019911a1074", false)]
    [InlineData("8813998663301991A1074", false)]
    [InlineData("881399866330199111A107", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_licence_number_has_22_characters_in_the_registration_shape(string? number, bool wellFormed) =>
        LicenceNumber.IsWellFormed(number).Should().Be(wellFormed);
}
