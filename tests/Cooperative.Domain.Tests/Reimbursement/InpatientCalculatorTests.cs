using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class InpatientCalculatorTests
{
    // level, referred, covered (= eligible) amount, expected reimbursement — hand-calculated under DefaultPolicy.
    public static TheoryData<FacilityLevel, bool, decimal, decimal> Cases => new()
    {
        { FacilityLevel.Village, true, 1_000m, 765.00m },        // (1000 − 100) × 85 % = 765
        { FacilityLevel.Township, true, 2_000m, 1_615.00m },     // (2000 − 100) × 85 % = 1615
        { FacilityLevel.Community, true, 600m, 425.00m },        // (600 − 100) × 85 % = 425
        { FacilityLevel.Township, true, 100.07m, 0.06m },        // 0.07 × 85 % = 0.0595 → 0.06
        { FacilityLevel.Village, true, 100m, 0m },               // exactly the deductible: nothing above it
        { FacilityLevel.County, true, 399.99m, 0m },             // below the 400 deductible
        { FacilityLevel.County, true, 3_000m, 1_820.00m },       // (3000 − 400) × 70 % = 1820
        { FacilityLevel.County, false, 3_000m, 1_820.00m },      // no referral penalty inside the county
        { FacilityLevel.County, true, 5_000m, 3_220.00m },       // (5000 − 400) × 70 % = 3220, band edge exactly
        { FacilityLevel.County, true, 5_000.01m, 3_220.01m },    // 3220 + 0.01 × 80 % = 3220.008 → 3220.01
        { FacilityLevel.County, true, 12_000m, 8_820.00m },      // 3220 + (12000 − 5000) × 80 % = 3220 + 5600
        { FacilityLevel.OutsideCounty, true, 5_000m, 2_200.00m },     // (5000 − 1000) × 55 % = 2200
        { FacilityLevel.OutsideCounty, false, 5_000m, 1_800.00m },    // (5000 − 1000) × 45 % = 1800
        { FacilityLevel.OutsideCounty, true, 10_000m, 4_950.00m },    // 9000 × 55 % = 4950, band edge exactly
        { FacilityLevel.OutsideCounty, true, 10_000.01m, 4_950.01m }, // 4950 + 0.01 × 65 % = 4950.0065 → 4950.01
        { FacilityLevel.OutsideCounty, true, 20_000m, 11_450.00m },   // 9000 × 55 % + 10000 × 65 % = 4950 + 6500
        { FacilityLevel.OutsideCounty, false, 20_000m, 9_550.00m },   // 9000 × 45 % + 10000 × 55 % = 4050 + 5500
        { FacilityLevel.County, true, 0m, 0m },                  // nothing billed
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inpatient_claims_pay_the_deductible_and_band_ratios_of_the_level(
        FacilityLevel level, bool referred, decimal covered, decimal expected)
    {
        var settlement = Claims.Inpatient(level, covered, referred);

        settlement.Reimbursement.Should().Be(expected);
        settlement.PatientShare.Should().Be(covered - expected);
    }

    [Fact]
    public void County_hospital_claim_crossing_the_5000_band_pays_70_then_80_percent()
    {
        var s = Claims.Inpatient(FacilityLevel.County, 12_000m);

        s.DeductibleApplied.Should().Be(400m);
        s.Bands.Should().Equal(
            new BandShare(400m, 5_000m, 4_600m, 0.70m, 3_220m),
            new BandShare(5_000m, null, 7_000m, 0.80m, 5_600m));
        s.BeforeCaps.Should().Be(8_820m);
        s.CapRemainingBefore.Should().Be(150_000m);
        s.CapCut.Should().Be(0m);
        s.Reimbursement.Should().Be(8_820m);
        s.PatientShare.Should().Be(3_180m);
        s.CapRemainingAfter.Should().Be(141_180m);
    }

    [Fact]
    public void Claim_exactly_at_the_5000_band_edge_uses_only_the_first_band()
    {
        var s = Claims.Inpatient(FacilityLevel.County, 5_000m);

        s.Bands.Should().Equal(new BandShare(400m, 5_000m, 4_600m, 0.70m, 3_220m));
    }

    [Fact]
    public void Claim_below_the_deductible_applies_only_what_was_spent()
    {
        var s = Claims.Inpatient(FacilityLevel.County, 300m);

        s.DeductibleApplied.Should().Be(300m);
        s.Bands.Should().BeEmpty();
        s.Reimbursement.Should().Be(0m);
        s.PatientShare.Should().Be(300m);
    }

    [Fact]
    public void Outside_county_without_referral_loses_ten_points_in_every_band()
    {
        var s = Claims.Inpatient(FacilityLevel.OutsideCounty, 20_000m, referred: false);

        s.RatioReduction.Should().Be(0.10m);
        s.Bands.Select(b => b.Ratio).Should().Equal(0.45m, 0.55m);
        s.Bands.Select(b => b.Payable).Should().Equal(4_050m, 5_500m);
    }

    [Theory]
    [InlineData(FacilityLevel.OutsideCounty, true)]
    [InlineData(FacilityLevel.County, false)]
    [InlineData(FacilityLevel.Township, false)]
    public void No_ratio_reduction_with_a_referral_or_inside_the_county(FacilityLevel level, bool referred)
    {
        Claims.Inpatient(level, 20_000m, referred).RatioReduction.Should().Be(0m);
    }
}
