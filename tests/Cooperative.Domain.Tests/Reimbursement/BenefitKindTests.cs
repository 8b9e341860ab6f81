using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

/// <summary>
/// The benefit kinds under <see cref="OneStopPolicy.Kinds"/> (no other payer): group A 60 % within 3,000 a year, the special
/// group 80 % within 50,000; delivery subsidies 400 at township level and 600 at county level. General outpatient at
/// township level: 60 %, 30 per visit, 300 a year.
/// </summary>
public class BenefitKindTests
{
    private static Settlement Outpatient(decimal bill, string? diagnosis, IReadOnlyList<string>? certified = null,
        PriorUse? prior = null, FacilityLevel level = FacilityLevel.Township) =>
        OneStopPolicy.Settle(OneStopPolicy.Kinds, level, VisitType.Outpatient, [Claims.Covered(bill)], diagnosis, certified,
            prior: prior);

    private static Settlement Delivery(FacilityLevel level, IReadOnlyList<BillLine> lines, bool inpatientRuleIfMore,
        PriorUse? prior = null, string diagnosis = "O80.0") =>
        OneStopPolicy.Settle(OneStopPolicy.Kinds with { Delivery = OneStopPolicy.Delivery with { InpatientRuleIfMore = inpatientRuleIfMore } },
            level, VisitType.Inpatient, lines, diagnosis, prior: prior);

    private static PriorUse Prior(string pot, decimal amount) => new(new Dictionary<string, decimal> { [pot] = amount });

    [Fact]
    public void A_certified_chronic_disease_is_paid_at_its_groups_ratio_without_the_per_visit_cap()
    {
        // 500 × 60 % = 300 (general outpatient would stop at 30 a visit); group A has 3000 − 0 left.
        var s = Outpatient(500m, "I10.X00", ["I10"]);

        s.Benefit.Should().Be(BenefitKind.ChronicDisease);
        s.BenefitGroup.Should().Be("A");
        s.BenefitGroupName.Should().Be("慢性病一类");
        s.Bands.Should().Equal(new BandShare(0m, null, 500m, 0.60m, 300m));
        s.PerVisitCapApplied.Should().Be(0m);
        s.AnnualCap.Should().Be(3_000m);
        s.Reimbursement.Should().Be(300m);
        s.PatientShare.Should().Be(200m);
        s.CapRemainingAfter.Should().Be(2_700m);
        s.Notes.Should().BeEmpty();
        s.Usage.Should().Equal(new Dictionary<string, decimal> { ["chronic:A"] = 300m });
    }

    [Fact]
    public void A_chronic_bill_is_paid_within_what_is_left_of_its_groups_yearly_cap()
    {
        // 300 before caps, 3000 − 2800 = 200 left under "chronic:A": pays 200, cuts 100.
        var s = Outpatient(500m, "I10.X00", ["I10"], Prior("chronic:A", 2_800m));

        s.CapRemainingBefore.Should().Be(200m);
        s.CapCut.Should().Be(100m);
        s.Reimbursement.Should().Be(200m);
        s.PatientShare.Should().Be(300m);
        s.Usage.Should().Equal(new Dictionary<string, decimal> { ["chronic:A"] = 200m });
    }

    [Fact]
    public void Use_of_the_general_outpatient_cap_and_of_another_group_does_not_touch_a_groups_cap()
    {
        var prior = new PriorUse(new Dictionary<string, decimal>
        {
            [UsagePots.Outpatient] = 300m, ["chronic:special"] = 50_000m, [UsagePots.Inpatient] = 150_000m,
        });

        Outpatient(500m, "I10", ["I10"], prior).Reimbursement.Should().Be(300m);
    }

    [Fact]
    public void A_special_disease_is_paid_at_its_groups_ratio_whatever_the_level()
    {
        // County outpatient is not covered in general (ratio 0); dialysis of certified N18.5: 12000 × 80 % = 9600.
        var s = Outpatient(12_000m, "N18.5", ["N18.5"], level: FacilityLevel.County);

        s.BenefitGroup.Should().Be("special");
        s.Reimbursement.Should().Be(9_600m);
        s.PatientShare.Should().Be(2_400m);
    }

    [Fact]
    public void The_diagnosis_is_read_in_upper_case_without_spaces()
    {
        Outpatient(500m, " i10.x00 ", ["I10"]).Benefit.Should().Be(BenefitKind.ChronicDisease);
    }

    [Theory]
    [InlineData("")]      // no certification
    [InlineData("E11")]   // certified for another disease
    public void A_listed_disease_without_a_certification_is_paid_as_general_outpatient_with_a_note(string certified)
    {
        // General township outpatient: 500 × 60 % = 300, per-visit cap 30.
        var s = Outpatient(500m, "I10.X00", certified.Split(',', StringSplitOptions.RemoveEmptyEntries));

        s.Benefit.Should().Be(BenefitKind.Outpatient);
        s.BenefitGroup.Should().BeNull();
        s.BeforeCaps.Should().Be(300m);
        s.PerVisitCapApplied.Should().Be(270m);
        s.Reimbursement.Should().Be(30m);
        s.Notes.Should().Equal("诊断 I10.X00 属于门诊慢性病/特殊病种“高血压”，但该人员就诊当日没有有效的病种认定，按普通门诊报销");
        s.Usage.Should().Equal(new Dictionary<string, decimal> { [UsagePots.Outpatient] = 30m });
    }

    [Theory]
    [InlineData("J06.9")]
    [InlineData("I11")]   // I10 is listed, I11 is not: a category matches only its own codes
    [InlineData("")]
    [InlineData(null)]
    public void A_diagnosis_listed_in_no_group_is_general_outpatient_without_a_note(string? diagnosis)
    {
        var s = Outpatient(500m, diagnosis, ["I10", "E11"]);

        s.Benefit.Should().Be(BenefitKind.Outpatient);
        s.Reimbursement.Should().Be(30m);
        s.Notes.Should().BeEmpty();
    }

    [Fact]
    public void A_certified_disease_treated_as_an_inpatient_is_an_inpatient_stay()
    {
        // (2000 − 100) × 85 % = 1615.
        var s = OneStopPolicy.Settle(OneStopPolicy.Kinds, FacilityLevel.Township, VisitType.Inpatient, [Claims.Covered(2_000m)],
            "I10", ["I10"]);

        s.Benefit.Should().Be(BenefitKind.Inpatient);
        s.Reimbursement.Should().Be(1_615m);
    }

    [Fact]
    public void The_most_specific_listed_disease_decides_the_group()
    {
        // E11.2 is listed in the special group inside group A's E11: certified E11.2, 1000 × 80 % = 800.
        var s = Outpatient(1_000m, "E11.2", ["E11.2"]);

        s.BenefitGroup.Should().Be("special");
        s.Reimbursement.Should().Be(800m);
    }

    [Fact]
    public void A_certification_of_the_broader_disease_is_paid_under_its_own_group_not_the_more_specific_one()
    {
        // Certified only for diabetes (E11, group A); the visit is for diabetic kidney disease (E11.2, special group).
        // The certification does not open the special group's 80 %: paid under A, 1000 × 60 % = 600.
        var s = Outpatient(1_000m, "E11.2", ["E11"]);

        s.BenefitGroup.Should().Be("A");
        s.Reimbursement.Should().Be(600m);
    }

    [Fact]
    public void A_delivery_is_paid_the_fixed_subsidy_of_its_level()
    {
        // Township delivery, bill 1500: subsidy 400; the inpatient rule is not compared.
        var s = Delivery(FacilityLevel.Township, [Claims.Covered(1_500m)], inpatientRuleIfMore: false);

        s.Benefit.Should().Be(BenefitKind.Delivery);
        s.DeliverySubsidy.Should().Be(400m);
        s.InpatientRuleAmount.Should().BeNull();
        s.DeductibleApplied.Should().Be(0m);
        s.Bands.Should().BeEmpty();
        s.BeforeCaps.Should().Be(400m);
        s.Reimbursement.Should().Be(400m);
        s.PatientShare.Should().Be(1_100m);
        s.Usage.Should().Equal(new Dictionary<string, decimal> { [UsagePots.Inpatient] = 400m });
    }

    [Fact]
    public void A_delivery_subsidy_is_never_more_than_the_eligible_amount()
    {
        // Bill 350 covered + 200 excluded: eligible 350 < 400, pays 350; the patient pays the excluded 200.
        var s = Delivery(FacilityLevel.Township, [Claims.Covered(350m), Claims.Excluded(200m)], inpatientRuleIfMore: false);

        s.DeliverySubsidy.Should().Be(350m);
        s.Reimbursement.Should().Be(350m);
        s.PatientShare.Should().Be(200m);
    }

    [Theory]
    [InlineData(true, 1_190)]    // (1500 − 100) × 85 % = 1190 > 400: the inpatient rule pays
    [InlineData(false, 400)]     // the policy does not compare: the subsidy
    public void A_delivery_where_the_inpatient_rule_pays_more_gets_it_only_when_the_policy_says_so(bool inpatientRuleIfMore, int expected)
    {
        var s = Delivery(FacilityLevel.Township, [Claims.Covered(1_500m)], inpatientRuleIfMore);

        s.Benefit.Should().Be(BenefitKind.Delivery);
        s.DeliverySubsidy.Should().Be(400m);
        s.InpatientRuleAmount.Should().Be(inpatientRuleIfMore ? 1_190m : (decimal?)null);
        s.Reimbursement.Should().Be(expected);
        s.PatientShare.Should().Be(1_500m - expected);
    }

    [Fact]
    public void A_delivery_paid_by_the_inpatient_rule_shows_its_deductible_and_bands()
    {
        var s = Delivery(FacilityLevel.Township, [Claims.Covered(1_500m)], inpatientRuleIfMore: true);

        s.DeductibleApplied.Should().Be(100m);
        s.Bands.Should().Equal(new BandShare(100m, null, 1_400m, 0.85m, 1_190m));
    }

    [Fact]
    public void A_delivery_compared_with_a_smaller_inpatient_result_keeps_the_subsidy()
    {
        // (500 − 100) × 85 % = 340 < 400: the subsidy.
        var s = Delivery(FacilityLevel.Township, [Claims.Covered(500m)], inpatientRuleIfMore: true);

        s.InpatientRuleAmount.Should().Be(340m);
        s.Reimbursement.Should().Be(400m);
        s.Bands.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]   // subsidy 600
    [InlineData(true)]    // inpatient rule (3000 − 400) × 70 % = 1820
    public void A_delivery_counts_against_the_inpatient_annual_cap(bool inpatientRuleIfMore)
    {
        // 150000 − 149700 = 300 left of the inpatient cap: pays 300 either way.
        var s = Delivery(FacilityLevel.County, [Claims.Covered(3_000m)], inpatientRuleIfMore,
            Prior(UsagePots.Inpatient, 149_700m), diagnosis: "O82");

        s.AnnualCap.Should().Be(150_000m);
        s.CapRemainingBefore.Should().Be(300m);
        s.CapCut.Should().Be(inpatientRuleIfMore ? 1_520m : 300m);
        s.Reimbursement.Should().Be(300m);
        s.CapRemainingAfter.Should().Be(0m);
        s.Usage.Should().Equal(new Dictionary<string, decimal> { [UsagePots.Inpatient] = 300m });
    }

    [Fact]
    public void A_delivery_leaves_less_of_the_inpatient_cap_for_a_later_stay()
    {
        // 149000 used, the county delivery takes 600, a later county stay of 3000 (1820) finds 400 left.
        var delivery = Delivery(FacilityLevel.County, [Claims.Covered(3_000m)], false, Prior(UsagePots.Inpatient, 149_000m));
        var later = OneStopPolicy.Settle(OneStopPolicy.Kinds, FacilityLevel.County, VisitType.Inpatient, [Claims.Covered(3_000m)],
            "K35.8", prior: Prior(UsagePots.Inpatient, 149_000m).Plus(delivery.Usage));

        delivery.Reimbursement.Should().Be(600m);
        later.CapRemainingBefore.Should().Be(400m);
        later.Reimbursement.Should().Be(400m);
    }

    [Fact]
    public void A_year_without_a_delivery_rule_pays_a_delivery_as_an_inpatient_stay()
    {
        // (1500 − 100) × 85 % = 1190 at township level.
        var s = OneStopPolicy.Settle(OneStopPolicy.Kinds with { Delivery = null }, FacilityLevel.Township, VisitType.Inpatient,
            [Claims.Covered(1_500m)], "O80.0");

        s.Benefit.Should().Be(BenefitKind.Inpatient);
        s.DeliverySubsidy.Should().BeNull();
        s.Reimbursement.Should().Be(1_190m);
    }

    [Fact]
    public void An_outpatient_visit_with_a_delivery_diagnosis_is_general_outpatient()
    {
        // 100 × 60 % = 60, per-visit cap 30.
        var s = Outpatient(100m, "O80");

        s.Benefit.Should().Be(BenefitKind.Outpatient);
        s.Reimbursement.Should().Be(30m);
    }
}

public class ReferralRuleTests
{
    private const string Provincial = "省人民医院";
    private static readonly DateOnly Admission = new(2026, 3, 10);

    // Filed 28 Feb for lung cancer (C34.1) to the provincial hospital, in force 1 March to 31 May.
    private static readonly ReferralFact Filing = new("ZZ2026-0001", "C34.1", Provincial, new(2026, 3, 1), new(2026, 5, 31), new(2026, 2, 28));

    private static ReferralDecision Decide(ReferralFact[] filings, DateOnly? admission = null, string facility = Provincial,
        string diagnosis = "C34.9", FacilityLevel level = FacilityLevel.OutsideCounty, bool claimed = true) =>
        ReferralRule.Decide(claimed, level, facility, diagnosis, admission ?? Admission, filings);

    [Fact]
    public void A_filing_before_the_admission_for_the_same_hospital_and_icd_category_counts()
    {
        Decide([Filing]).Should().Be(new ReferralDecision(true, "ZZ2026-0001", null));
    }

    [Theory]
    [InlineData(3, 10, 3, 10)]   // filed on the admission day
    [InlineData(2, 28, 3, 1)]    // admitted on the first day in force
    [InlineData(2, 28, 5, 31)]   // admitted on the last day in force
    public void The_edges_of_a_filing_count(int filedMonth, int filedDay, int admittedMonth, int admittedDay)
    {
        var filing = Filing with { FiledOn = new(2026, filedMonth, filedDay) };

        Decide([filing], new DateOnly(2026, admittedMonth, admittedDay)).Referred.Should().BeTrue();
    }

    [Fact]
    public void Of_two_matching_filings_the_earliest_is_named()
    {
        var later = Filing with { Number = "ZZ2026-0009", FiledOn = new(2026, 3, 5) };

        Decide([later, Filing]).FilingNumber.Should().Be("ZZ2026-0001");
    }

    [Fact]
    public void A_filing_made_after_the_admission_does_not_count()
    {
        var late = Filing with { FiledOn = new(2026, 3, 12) };

        Decide([late]).Should().Be(new ReferralDecision(false, null, "申报为转诊，但转诊备案晚于入院日期，按未转诊报销"));
    }

    [Theory]
    [InlineData(2026, 2, 28)]   // before it is in force
    [InlineData(2026, 6, 1)]    // after its last day (valid-to, or the day before it was revoked)
    public void An_admission_outside_the_filings_validity_does_not_count(int year, int month, int day)
    {
        Decide([Filing], new DateOnly(year, month, day)).Should()
            .Be(new ReferralDecision(false, null, "申报为转诊，但入院日期不在转诊备案有效期内，按未转诊报销"));
    }

    [Fact]
    public void A_filing_to_another_hospital_does_not_count()
    {
        Decide([Filing], facility: "市中心医院").Should()
            .Be(new ReferralDecision(false, null, "申报为转诊，但转诊备案的转往医院与本次就诊医院不符，按未转诊报销"));
    }

    [Fact]
    public void A_filing_for_another_icd_category_does_not_count()
    {
        Decide([Filing], diagnosis: "C35.0").Should()
            .Be(new ReferralDecision(false, null, "申报为转诊，但转诊备案的诊断与本次诊断不符，按未转诊报销"));
    }

    [Fact]
    public void A_claimed_referral_without_any_filing_does_not_count()
    {
        Decide([]).Should().Be(new ReferralDecision(false, null, "申报为转诊，但该人员没有转诊备案，按未转诊报销"));
    }

    [Theory]
    [InlineData(FacilityLevel.County, true)]
    [InlineData(FacilityLevel.Township, false)]
    public void Inside_the_county_the_rule_ignores_the_referral(FacilityLevel level, bool claimed)
    {
        Decide([], level: level, claimed: claimed).Should().Be(new ReferralDecision(claimed, null, null));
    }

    [Fact]
    public void A_referral_not_claimed_is_not_looked_for()
    {
        Decide([Filing], claimed: false).Should().Be(new ReferralDecision(false, null, null));
    }

    [Fact]
    public void A_referral_that_does_not_count_is_paid_as_unreferred_and_the_statement_says_why()
    {
        // Outside the county, 5000: (5000 − 1000) × (55 % − 10 %) = 1800.
        var decision = Decide([Filing with { FiledOn = new(2026, 3, 12) }]);
        var input = new CalculationInput(DefaultPolicy.Rules, FacilityLevel.OutsideCounty, VisitType.Inpatient, decision.Referred,
            [Claims.Covered(5_000m)], PriorUse.None) { DiagnosisCode = "C34.9", ReferralNote = decision.Note };

        var s = ReimbursementCalculator.Calculate(input);

        s.Reimbursement.Should().Be(1_800m);
        s.Notes.Should().Equal(decision.Note);
    }
}
