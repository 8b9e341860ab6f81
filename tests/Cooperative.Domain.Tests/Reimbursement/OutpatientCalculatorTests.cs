using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class OutpatientCalculatorTests
{
    // level, bill, outpatient paid earlier this year, expected reimbursement — DefaultPolicy: 60 %, 30 per visit, 300 per year.
    public static TheoryData<FacilityLevel, decimal, decimal, decimal> Cases => new()
    {
        { FacilityLevel.Village, 40m, 0m, 24.00m },          // 40 × 60 % = 24, under both caps
        { FacilityLevel.Village, 49.99m, 0m, 29.99m },       // 49.99 × 60 % = 29.994 → 29.99
        { FacilityLevel.Community, 50m, 0m, 30.00m },        // 50 × 60 % = 30, exactly the per-visit cap
        { FacilityLevel.Township, 100m, 0m, 30.00m },        // 100 × 60 % = 60, per-visit cap 30
        { FacilityLevel.Township, 100m, 290m, 10.00m },      // capped to 30, only 300 − 290 = 10 left this year
        { FacilityLevel.Township, 20m, 290m, 10.00m },       // 20 × 60 % = 12, only 10 left
        { FacilityLevel.Village, 100m, 300m, 0m },           // yearly cap used up
        { FacilityLevel.Village, 100m, 350m, 0m },           // more than the cap paid earlier: nothing left, not negative
        { FacilityLevel.County, 100m, 0m, 0m },              // county outpatient is not covered (ratio 0)
        { FacilityLevel.OutsideCounty, 100m, 0m, 0m },       // outside the county outpatient is not covered
        { FacilityLevel.Village, 0m, 0m, 0m },               // nothing billed
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outpatient_claims_pay_the_ratio_within_the_per_visit_and_yearly_caps(
        FacilityLevel level, decimal bill, decimal prior, decimal expected)
    {
        var settlement = Claims.Outpatient(level, bill, prior);

        settlement.Reimbursement.Should().Be(expected);
        settlement.PatientShare.Should().Be(bill - expected);
    }

    [Fact]
    public void Outpatient_per_visit_cap_cuts_a_100_yuan_bill_from_60_to_30()
    {
        var s = Claims.Outpatient(FacilityLevel.Township, 100m);

        s.DeductibleApplied.Should().Be(0m);
        s.Bands.Should().Equal(new BandShare(0m, null, 100m, 0.60m, 60m));
        s.BeforeCaps.Should().Be(60m);
        s.PerVisitCapApplied.Should().Be(30m);
        s.AnnualCap.Should().Be(300m);
        s.CapCut.Should().Be(0m);
        s.Reimbursement.Should().Be(30m);
        s.CapRemainingAfter.Should().Be(270m);
    }

    [Fact]
    public void Outpatient_yearly_cap_leaves_only_10_after_290_paid_earlier()
    {
        var s = Claims.Outpatient(FacilityLevel.Village, 100m, prior: 290m);

        // 60 before caps, 30 cut by the per-visit cap, 20 cut by the yearly cap: 60 − 30 − 20 = 10.
        s.BeforeCaps.Should().Be(60m);
        s.PerVisitCapApplied.Should().Be(30m);
        s.CapRemainingBefore.Should().Be(10m);
        s.CapCut.Should().Be(20m);
        s.Reimbursement.Should().Be(10m);
        s.CapRemainingAfter.Should().Be(0m);
    }

    [Fact]
    public void Outpatient_at_county_level_pays_nothing_and_the_patient_pays_all()
    {
        var s = Claims.Outpatient(FacilityLevel.County, 250m);

        s.Eligible.Should().Be(250m);
        s.BeforeCaps.Should().Be(0m);
        s.Reimbursement.Should().Be(0m);
        s.PatientShare.Should().Be(250m);
    }

    [Fact]
    public void Outpatient_outside_the_county_without_referral_reports_no_ratio_reduction()
    {
        Claims.Settle(FacilityLevel.OutsideCounty, VisitType.Outpatient, [Claims.Covered(100m)], referred: false)
            .RatioReduction.Should().Be(0m);
    }
}
