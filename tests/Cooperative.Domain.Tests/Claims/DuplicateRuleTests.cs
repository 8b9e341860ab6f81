using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Claims;

public class DuplicateRuleTests
{
    private static BillFacts Stay(string number, string facility, string admitted, string discharged, decimal total = 3000m) =>
        new(number, facility, VisitType.Inpatient, DateOnly.Parse(admitted, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(discharged, System.Globalization.CultureInfo.InvariantCulture), total);

    private static BillFacts Visit(string number, string facility, string day, decimal total) =>
        new(number, facility, VisitType.Outpatient, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), total);

    [Theory]
    [InlineData("2026-11-10", "2026-11-15")]
    [InlineData("2026-11-12", "2026-11-13")]
    [InlineData("2026-11-01", "2026-11-11")]
    [InlineData("2026-11-14", "2026-11-20")]
    public void An_overlapping_stay_at_the_same_facility_is_the_same_admission(string admitted, string discharged)
    {
        var finding = DuplicateRule.Check(Stay("new", "H0001", admitted, discharged), [Stay("BX-1", "H0001", "2026-11-10", "2026-11-15")]);

        finding.Duplicate!.Number.Should().Be("BX-1");
    }

    [Theory]
    [InlineData("2026-11-15", "2026-11-18")]
    [InlineData("2026-11-05", "2026-11-10")]
    public void A_stay_that_begins_on_the_day_another_ends_is_another_stay(string admitted, string discharged)
    {
        var finding = DuplicateRule.Check(Stay("new", "H0001", admitted, discharged), [Stay("BX-1", "H0001", "2026-11-10", "2026-11-15")]);

        finding.Should().BeEquivalentTo(DuplicateFinding.None);
    }

    [Fact]
    public void Two_day_cases_on_the_same_day_at_the_same_facility_overlap() =>
        DuplicateRule.Check(Stay("new", "H0001", "2026-11-10", "2026-11-10"), [Stay("BX-1", "H0001", "2026-11-10", "2026-11-10")])
            .Duplicate.Should().NotBeNull();

    [Fact]
    public void Overlapping_stays_at_two_facilities_are_held_not_refused()
    {
        var finding = DuplicateRule.Check(Stay("new", "@市人民医院", "2026-11-10", "2026-11-15"), [Stay("BX-1", "H0001", "2026-11-12", "2026-11-20")]);

        finding.Duplicate.Should().BeNull();
        finding.Holds.Should().Equal((DuplicateRule.OverlappingStay, "BX-1"));
    }

    [Fact]
    public void The_same_outpatient_total_on_the_same_day_anywhere_is_held()
    {
        var others = new[] { Visit("BX-1", "V0001", "2026-11-18", 120m), Visit("BX-2", "T0001", "2026-11-18", 45m), Visit("BX-3", "H0001", "2026-11-17", 120m) };

        DuplicateRule.Check(Visit("new", "@某诊所", "2026-11-18", 120m), others).Holds.Should().Equal((DuplicateRule.SameDaySameTotal, "BX-1"));
    }

    [Fact]
    public void A_visit_strictly_inside_a_stay_is_held_either_way_round()
    {
        var stay = Stay("BX-1", "H0001", "2026-11-10", "2026-11-15");

        DuplicateRule.Check(Visit("new", "T0001", "2026-11-12", 30m), [stay]).Holds.Should().Equal((DuplicateRule.VisitDuringStay, "BX-1"));
        DuplicateRule.Check(Stay("new", "H0002", "2026-11-01", "2026-11-20"), [Visit("BX-2", "T0001", "2026-11-12", 30m)])
            .Holds.Should().Equal((DuplicateRule.VisitDuringStay, "BX-2"));
        DuplicateRule.Check(Visit("new", "T0001", "2026-11-15", 30m), [stay]).Should().BeEquivalentTo(DuplicateFinding.None,
            "the discharge day itself: a follow-up visit is normal");
    }
}
