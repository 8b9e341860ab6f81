using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class BillLinesAndCapsTests
{
    [Fact]
    public void Partly_covered_lines_first_take_the_self_pay_share_and_excluded_lines_are_not_eligible()
    {
        // County inpatient: covered 3000, partly covered 2000 of which 10 % self-paid (200), excluded 500.
        // Total 5500, eligible 5500 − 500 − 200 = 4800, (4800 − 400) × 70 % = 3080, patient 5500 − 3080 = 2420.
        var s = Claims.Settle(FacilityLevel.County, VisitType.Inpatient,
            [Claims.Covered(3_000m), Claims.Partly(2_000m, 0.10m), Claims.Excluded(500m)]);

        s.Total.Should().Be(5_500m);
        s.Excluded.Should().Be(500m);
        s.PartlySelfPaid.Should().Be(200m);
        s.Eligible.Should().Be(4_800m);
        s.DeductibleApplied.Should().Be(400m);
        s.BeforeCaps.Should().Be(3_080m);
        s.Reimbursement.Should().Be(3_080m);
        s.PatientShare.Should().Be(2_420m);
    }

    [Fact]
    public void All_items_excluded_pays_nothing()
    {
        var s = Claims.Settle(FacilityLevel.County, VisitType.Inpatient, [Claims.Excluded(1_200m), Claims.Excluded(800m)]);

        s.Total.Should().Be(2_000m);
        s.Excluded.Should().Be(2_000m);
        s.Eligible.Should().Be(0m);
        s.DeductibleApplied.Should().Be(0m);
        s.Bands.Should().BeEmpty();
        s.Reimbursement.Should().Be(0m);
        s.PatientShare.Should().Be(2_000m);
    }

    [Fact]
    public void A_claim_without_lines_is_all_zero()
    {
        var s = Claims.Settle(FacilityLevel.Township, VisitType.Inpatient, []);

        s.Total.Should().Be(0m);
        s.Eligible.Should().Be(0m);
        s.Reimbursement.Should().Be(0m);
        s.PatientShare.Should().Be(0m);
    }

    [Fact]
    public void Rounding_happens_once_at_the_end_not_at_each_step()
    {
        // County inpatient: covered 1000, partly covered 0.05 with 10 % self-paid (0.005).
        // Eligible 1000.045; (1000.045 − 400) × 70 % = 420.0315 → 420.03.
        // Rounding the eligible amount first would give (1000.05 − 400) × 70 % = 420.035 → 420.04.
        var s = Claims.Settle(FacilityLevel.County, VisitType.Inpatient, [Claims.Covered(1_000m), Claims.Partly(0.05m, 0.10m)]);

        s.PartlySelfPaid.Should().Be(0.01m);   // shown rounded
        s.Eligible.Should().Be(1_000.05m);     // shown rounded
        s.BeforeCaps.Should().Be(420.03m);
        s.Reimbursement.Should().Be(420.03m);
        s.PatientShare.Should().Be(580.02m);
        (s.Reimbursement + s.PatientShare).Should().Be(s.Total);
    }

    [Fact]
    public void Annual_cap_exhausted_by_earlier_claims_pays_nothing()
    {
        // County 10000: (5000 − 400) × 70 % + 5000 × 80 % = 3220 + 4000 = 7220, but 150000 already paid.
        var s = Claims.Inpatient(FacilityLevel.County, 10_000m, prior: 150_000m);

        s.BeforeCaps.Should().Be(7_220m);
        s.CapRemainingBefore.Should().Be(0m);
        s.CapCut.Should().Be(7_220m);
        s.Reimbursement.Should().Be(0m);
        s.PatientShare.Should().Be(10_000m);
        s.CapRemainingAfter.Should().Be(0m);
    }

    [Fact]
    public void Annual_cap_reached_within_this_claim_pays_only_what_is_left()
    {
        // 7220 before caps, 150000 − 149000 = 1000 left: pays 1000, cuts 6220.
        var s = Claims.Inpatient(FacilityLevel.County, 10_000m, prior: 149_000m);

        s.AnnualCap.Should().Be(150_000m);
        s.CapRemainingBefore.Should().Be(1_000m);
        s.CapCut.Should().Be(6_220m);
        s.Reimbursement.Should().Be(1_000m);
        s.PatientShare.Should().Be(9_000m);
        s.CapRemainingAfter.Should().Be(0m);
    }

    [Fact]
    public void Outpatient_use_does_not_count_against_the_inpatient_cap()
    {
        var s = Claims.Settle(FacilityLevel.County, VisitType.Inpatient, [Claims.Covered(3_000m)],
            prior: new PriorUse(0m, 300m));

        s.Reimbursement.Should().Be(1_820m);
    }
}
