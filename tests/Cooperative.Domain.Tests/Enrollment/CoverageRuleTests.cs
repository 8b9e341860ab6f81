using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Enrollment;

public class CoverageRuleTests
{
    private static readonly EnrollmentFact Enrolled2026 = new(2026, new DateOnly(2025, 12, 10));

    [Fact]
    public void An_active_person_enrolled_for_the_year_of_the_date_is_covered()
    {
        var decision = CoverageRule.Decide(new DateOnly(2026, 5, 1), PersonStatus.Active, null, [Enrolled2026]);

        decision.Should().Be(new CoverageDecision(true, 2026, null));
    }

    [Fact]
    public void A_person_never_enrolled_is_not_enrolled()
    {
        CoverageRule.Decide(new DateOnly(2026, 5, 1), PersonStatus.Active, null, []).Reason.Should().Be(CoverageRule.NotEnrolled);
    }

    [Fact]
    public void A_person_enrolled_in_another_year_is_in_the_wrong_year()
    {
        var decision = CoverageRule.Decide(new DateOnly(2025, 5, 1), PersonStatus.Active, null, [Enrolled2026]);

        decision.Should().Be(new CoverageDecision(false, 2025, CoverageRule.WrongYear));
    }

    [Fact]
    public void Cover_starts_on_the_day_of_enrolment()
    {
        var midYear = new EnrollmentFact(2026, new DateOnly(2026, 3, 10));

        CoverageRule.Decide(new DateOnly(2026, 3, 9), PersonStatus.Active, null, [midYear]).Reason.Should().Be(CoverageRule.BeforeEnrollment);
        CoverageRule.Decide(new DateOnly(2026, 3, 10), PersonStatus.Active, null, [midYear]).Covered.Should().BeTrue();
    }

    [Fact]
    public void A_person_who_died_is_covered_before_the_date_of_death_only()
    {
        var died = new DateOnly(2026, 6, 1);

        CoverageRule.Decide(new DateOnly(2026, 5, 31), PersonStatus.Deceased, died, [Enrolled2026]).Covered.Should().BeTrue();
        CoverageRule.Decide(died, PersonStatus.Deceased, died, [Enrolled2026]).Reason.Should().Be(CoverageRule.PersonInactive);
    }

    [Fact]
    public void Remaining_caps_are_the_policy_caps_less_what_was_paid_and_never_negative()
    {
        var caps = RemainingCaps.Of(DefaultPolicy.Rules, 20_000m, 500m);

        caps.Should().Be(new RemainingCaps(130_000m, 0m));
        RemainingCaps.Of(DefaultPolicy.Rules, 0m, 120m).Outpatient.Should().Be(180m);
    }
}

public class ServiceDateTests
{
    [Fact]
    public void A_stay_is_covered_by_its_admission_date_and_a_visit_by_its_date()
    {
        var admitted = new DateOnly(2026, 3, 1);
        var discharged = new DateOnly(2026, 3, 12);

        CoverageRule.ServiceDate(VisitType.Inpatient, admitted, discharged).Should().Be(admitted);
        CoverageRule.ServiceDate(VisitType.Outpatient, admitted, admitted).Should().Be(admitted);
    }

    [Fact]
    public void Someone_enrolled_while_in_hospital_is_not_covered_for_that_stay()
    {
        var admitted = new DateOnly(2026, 3, 1);
        var decision = CoverageRule.Decide(CoverageRule.ServiceDate(VisitType.Inpatient, admitted, new DateOnly(2026, 3, 12)),
            PersonStatus.Active, null, [new EnrollmentFact(2026, new DateOnly(2026, 3, 5))]);

        decision.Covered.Should().BeFalse();
        decision.Reason.Should().Be(CoverageRule.BeforeEnrollment);
    }
}
