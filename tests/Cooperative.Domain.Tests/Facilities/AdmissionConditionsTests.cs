using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Facilities;

public class AdmissionConditionsTests
{
    private static readonly DateOnly DecidedOn = new(2026, 6, 1);

    private static AdmissionApplication Good(FacilityLevel level = FacilityLevel.Township) => new(
        level, "87663440333019913A1005", new DateOnly(2029, 12, 31), 12, new DateOnly(2010, 5, 1),
        HasSettlementAccount: true, HasInformationSystem: true, PublishesPrices: true, NoSeriousViolations: true);

    private static IEnumerable<string> Unmet(AdmissionDecision decision) => decision.Conditions.Where(c => !c.Met).Select(c => c.Code);

    [Fact]
    public void An_applicant_meeting_every_published_condition_is_admitted()
    {
        var decision = AdmissionConditions.Evaluate(Good(), DecidedOn);

        decision.Admitted.Should().BeTrue();
        decision.Conditions.Select(c => c.Code).Should().Equal(AdmissionConditions.Published.Select(c => c.Code));
        decision.Conditions.Should().OnlyContain(c => c.Detail == null);
    }

    [Fact]
    public void Each_unmet_condition_is_named_with_what_was_found()
    {
        var application = Good() with
        {
            LicenceValidUntil = new DateOnly(2026, 5, 31), LicensedDoctors = 4, OpenedOn = new DateOnly(2025, 6, 2),
            HasSettlementAccount = false, HasInformationSystem = false, PublishesPrices = false, NoSeriousViolations = false,
        };

        var decision = AdmissionConditions.Evaluate(application, DecidedOn);

        decision.Admitted.Should().BeFalse();
        Unmet(decision).Should().BeEquivalentTo(AdmissionConditions.Published.Select(c => c.Code).Where(c => c != "level_in_county"));
        decision.Conditions.Single(c => c.Code == "doctors_sufficient").Detail.Should().Be("执业（助理）医师4名，少于5名");
        decision.Conditions.Single(c => c.Code == "licence_valid").Detail.Should().Contain("2026-05-31");
    }

    [Theory]
    [InlineData(FacilityLevel.Village, 1)]
    [InlineData(FacilityLevel.Community, 3)]
    [InlineData(FacilityLevel.Township, 5)]
    [InlineData(FacilityLevel.County, 20)]
    public void The_fewest_doctors_depend_on_the_level(FacilityLevel level, int minimum)
    {
        AdmissionConditions.Evaluate(Good(level) with { LicensedDoctors = minimum }, DecidedOn).Admitted.Should().BeTrue();
        Unmet(AdmissionConditions.Evaluate(Good(level) with { LicensedDoctors = minimum - 1 }, DecidedOn)).Should().Equal("doctors_sufficient");
    }

    [Fact]
    public void A_facility_outside_the_county_is_never_admitted()
    {
        Unmet(AdmissionConditions.Evaluate(Good(FacilityLevel.OutsideCounty) with { LicensedDoctors = 500 }, DecidedOn))
            .Should().Equal("level_in_county", "doctors_sufficient");
    }

    [Fact]
    public void One_year_of_practice_counts_to_the_day_and_a_malformed_licence_number_fails()
    {
        AdmissionConditions.Evaluate(Good() with { OpenedOn = new DateOnly(2025, 6, 1) }, DecidedOn).Admitted.Should().BeTrue();
        Unmet(AdmissionConditions.Evaluate(Good() with { LicenceNumber = "PDY-123" }, DecidedOn)).Should().Equal("licence_valid");
    }

    [Fact]
    public void Ownership_is_not_an_admission_condition()
    {
        AdmissionConditions.Published.Should().NotContain(c => c.Description.Contains("所有制") || c.Description.Contains("公立"));
    }
}
