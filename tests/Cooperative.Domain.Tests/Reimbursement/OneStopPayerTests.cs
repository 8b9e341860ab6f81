using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

/// <summary>
/// 大病保险 and 医疗救助 after the basic fund, under <see cref="OneStopPolicy.Full"/>: catastrophic threshold 10,000 on
/// the year's eligible out-of-pocket cost, 50 % up to 50,000, 60 % up to 100,000, 70 % above, cap 200,000; assistance
/// Dibao 50 % (cap 10,000), Wubao 70 % (cap 20,000), Tekun 60 % (cap 15,000).
/// The county inpatient stay of 20,000 used below: basic (5000 − 400) × 70 % + (20000 − 5000) × 80 % = 3220 + 12000
/// = 15220, so the out-of-pocket eligible cost is 20000 − 15220 = 4780.
/// </summary>
public class OneStopPayerTests
{
    private static Settlement CountyStay(PriorUse? prior = null, string? category = null, PolicyRules? rules = null,
        decimal excluded = 0m) =>
        OneStopPolicy.Settle(rules ?? OneStopPolicy.Full, FacilityLevel.County, VisitType.Inpatient,
            excluded == 0 ? [Claims.Covered(20_000m)] : [Claims.Covered(20_000m), Claims.Excluded(excluded)],
            category: category, prior: prior);

    private static PriorUse Prior(params (string Pot, decimal Amount)[] pots) =>
        new(pots.ToDictionary(p => p.Pot, p => p.Amount));

    [Fact]
    public void A_claim_below_the_threshold_pays_no_catastrophic_insurance_but_its_cost_accumulates()
    {
        var s = CountyStay();

        s.Reimbursement.Should().Be(15_220m);
        var c = s.Payers.Should().ContainSingle().Subject;
        c.Payer.Should().Be(Payer.Catastrophic);
        c.Name.Should().Be("大病保险（人保健康）");
        c.Base.Should().Be(4_780m);
        c.AccumulatedBefore.Should().Be(0m);
        c.Threshold.Should().Be(10_000m);
        c.Bands.Should().BeEmpty();
        c.BeforeCap.Should().Be(0m);
        c.Amount.Should().Be(0m);
        s.PatientShare.Should().Be(4_780m);
        s.Usage.Should().Equal(new Dictionary<string, decimal>
        {
            [UsagePots.Inpatient] = 15_220m,
            [UsagePots.CatastrophicBase] = 4_780m,
        });
    }

    [Fact]
    public void The_third_such_stay_of_the_year_crosses_the_threshold()
    {
        // Accumulated 0 → 4780 → 9560, both below 10000; the third takes it to 14340: (14340 − 10000) × 50 % = 2170.
        var first = CountyStay();
        var second = CountyStay(PriorUse.None.Plus(first.Usage));
        var third = CountyStay(PriorUse.None.Plus(first.Usage).Plus(second.Usage));

        second.PaidBy(Payer.Catastrophic).Should().Be(0m);
        third.Payers[0].AccumulatedBefore.Should().Be(9_560m);
        third.PaidBy(Payer.Catastrophic).Should().Be(2_170m);
    }

    [Fact]
    public void A_claim_crossing_the_threshold_pays_only_the_part_above_it()
    {
        // Accumulated 8000 → 12780: (12780 − 10000) × 50 % = 2780 × 50 % = 1390. Patient 20000 − 15220 − 1390 = 3390.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m)));

        var c = s.Payers.Should().ContainSingle().Subject;
        c.AccumulatedBefore.Should().Be(8_000m);
        c.Bands.Should().Equal(new BandShare(10_000m, 50_000m, 2_780m, 0.50m, 1_390m));
        c.BeforeCap.Should().Be(1_390m);
        c.CapCut.Should().Be(0m);
        c.Amount.Should().Be(1_390m);
        c.CapRemainingAfter.Should().Be(198_610m);
        s.PatientShare.Should().Be(3_390m);
        s.Payout.Should().Be(16_610m);
    }

    [Fact]
    public void A_claim_crossing_a_band_edge_pays_each_part_at_its_bands_ratio()
    {
        // Accumulated 48000 → 52780: 2000 × 50 % + 2780 × 60 % = 1000 + 1668 = 2668.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 48_000m)));

        s.Payers[0].Bands.Should().Equal(
            new BandShare(48_000m, 50_000m, 2_000m, 0.50m, 1_000m),
            new BandShare(50_000m, 100_000m, 2_780m, 0.60m, 1_668m));
        s.PaidBy(Payer.Catastrophic).Should().Be(2_668m);
    }

    [Fact]
    public void Two_claims_in_sequence_pay_what_one_claim_of_their_combined_cost_would_within_a_fen()
    {
        // Each claim's catastrophic amount is rounded once, so two claims may differ from one by one fen (|Δ| ≤ 0.01),
        // never more. Outside the county, referred, 30000.03: basic 9000 × 55 % + 20000.03 × 65 % = 4950 + 13000.0195
        // → 17950.02, out of pocket 30000.03 − 17950.02 = 12050.01.
        // First: (12050.01 − 10000) × 50 % = 1025.005 → 1025.01. Second: 12050.01 × 50 % = 6025.005 → 6025.01.
        // Sum 7050.02. One claim of 24100.02 out of pocket: 14100.02 × 50 % = 7050.01. A county outpatient bill has
        // that cost exactly (county outpatient is not covered: basic 0).
        PolicyRules rules = OneStopPolicy.Full;
        Settlement Stay(PriorUse prior) => OneStopPolicy.Settle(rules, FacilityLevel.OutsideCounty, VisitType.Inpatient,
            [Claims.Covered(30_000.03m)], prior: prior);
        var first = Stay(PriorUse.None);
        var second = Stay(PriorUse.None.Plus(first.Usage));
        var combined = OneStopPolicy.Settle(rules, FacilityLevel.County, VisitType.Outpatient, [Claims.Covered(24_100.02m)]);

        first.Reimbursement.Should().Be(17_950.02m);
        first.Payers[0].Base.Should().Be(12_050.01m);
        first.PaidBy(Payer.Catastrophic).Should().Be(1_025.01m);
        second.Payers[0].AccumulatedBefore.Should().Be(12_050.01m);
        second.PaidBy(Payer.Catastrophic).Should().Be(6_025.01m);
        combined.Reimbursement.Should().Be(0m);
        combined.Payers[0].Base.Should().Be(24_100.02m);
        combined.PaidBy(Payer.Catastrophic).Should().Be(7_050.01m);
        (first.PaidBy(Payer.Catastrophic) + second.PaidBy(Payer.Catastrophic) - combined.PaidBy(Payer.Catastrophic))
            .Should().Be(0.01m);
    }

    [Fact]
    public void Two_claims_in_sequence_without_half_fen_pay_exactly_what_one_claim_would()
    {
        // County outpatient (basic 0): 20000 then 30000. First (20000 − 10000) × 50 % = 5000; second 20000 → 50000:
        // 30000 × 50 % = 15000. One claim of 50000: 40000 × 50 % = 20000 = 5000 + 15000.
        Settlement Visit(decimal bill, PriorUse prior) =>
            OneStopPolicy.Settle(OneStopPolicy.Full, FacilityLevel.County, VisitType.Outpatient, [Claims.Covered(bill)], prior: prior);
        var first = Visit(20_000m, PriorUse.None);
        var second = Visit(30_000m, PriorUse.None.Plus(first.Usage));

        first.PaidBy(Payer.Catastrophic).Should().Be(5_000m);
        second.PaidBy(Payer.Catastrophic).Should().Be(15_000m);
        Visit(50_000m, PriorUse.None).PaidBy(Payer.Catastrophic).Should().Be(20_000m);
    }

    [Fact]
    public void The_catastrophic_annual_cap_cuts_what_is_left_of_it()
    {
        // Accumulated 60000 → 64780: 4780 × 60 % = 2868, but 200000 − 198000 = 2000 left: pays 2000, cuts 868.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 60_000m), (UsagePots.Catastrophic, 198_000m)));

        var c = s.Payers[0];
        c.BeforeCap.Should().Be(2_868m);
        c.AnnualCap.Should().Be(200_000m);
        c.CapRemainingBefore.Should().Be(2_000m);
        c.CapCut.Should().Be(868m);
        c.Amount.Should().Be(2_000m);
        c.CapRemainingAfter.Should().Be(0m);
        s.PatientShare.Should().Be(2_780m);   // 4780 − 2000
    }

    [Fact]
    public void A_used_up_catastrophic_cap_pays_nothing()
    {
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 60_000m), (UsagePots.Catastrophic, 200_000m)));

        s.Payers[0].CapRemainingBefore.Should().Be(0m);
        s.Payers[0].CapCut.Should().Be(2_868m);
        s.PaidBy(Payer.Catastrophic).Should().Be(0m);
        s.Usage.Should().NotContainKey(UsagePots.Catastrophic);
    }

    [Fact]
    public void Medical_assistance_pays_its_share_of_what_remains_after_basic_and_catastrophic()
    {
        // Bill 20000 covered + 2000 excluded, accumulated 8000 before: basic 15220, catastrophic 1390 (as above).
        // Eligible cost remaining 20000 − 15220 − 1390 = 3390; Dibao 50 %: 1695. The excluded 2000 stays with the patient:
        // 22000 − 15220 − 1390 − 1695 = 3695.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m)), category: "Dibao", excluded: 2_000m);

        s.Payers.Select(p => p.Payer).Should().Equal(Payer.Catastrophic, Payer.Assistance);
        var a = s.Payers[1];
        a.Name.Should().Be("医疗救助（民政局）");
        a.Category.Should().Be("Dibao");
        a.Base.Should().Be(3_390m);
        a.Bands.Should().Equal(new BandShare(0m, null, 3_390m, 0.50m, 1_695m));
        a.AnnualCap.Should().Be(10_000m);
        a.CapRemainingBefore.Should().Be(10_000m);
        a.Amount.Should().Be(1_695m);
        a.CapRemainingAfter.Should().Be(8_305m);
        s.PatientShare.Should().Be(3_695m);
        s.Payout.Should().Be(18_305m);   // 15220 + 1390 + 1695
    }

    [Fact]
    public void Medical_assistance_stops_at_its_yearly_cap()
    {
        // 1695 before the cap, 10000 − 9500 = 500 left: pays 500, cuts 1195; patient 22000 − 15220 − 1390 − 500 = 4890.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m), (UsagePots.Assistance, 9_500m)), "Dibao", excluded: 2_000m);

        s.Payers[1].BeforeCap.Should().Be(1_695m);
        s.Payers[1].CapCut.Should().Be(1_195m);
        s.PaidBy(Payer.Assistance).Should().Be(500m);
        s.PatientShare.Should().Be(4_890m);
    }

    [Theory]
    [InlineData("dibao")]
    [InlineData("低保")]
    [InlineData("低保户")]
    public void A_listed_category_is_found_whichever_way_the_person_or_the_policy_spells_it(string category)
    {
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m)), category, excluded: 2_000m);

        s.PaidBy(Payer.Assistance).Should().Be(1_695m);
    }

    [Theory]
    [InlineData("Youfu")]
    [InlineData("优抚")]
    [InlineData("贫困户")]
    [InlineData(null)]
    public void A_person_whose_category_is_not_listed_gets_no_assistance(string? category)
    {
        // Catastrophic 1390 as above; nothing else: patient 2000 excluded + 3390.
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m)), category, excluded: 2_000m);

        s.Payers.Select(p => p.Payer).Should().Equal(Payer.Catastrophic);
        s.PaidBy(Payer.Assistance).Should().Be(0m);
        s.PatientShare.Should().Be(5_390m);
    }

    [Fact]
    public void A_year_without_assistance_pays_none_even_to_a_Dibao_resident()
    {
        var s = CountyStay(category: "Dibao", rules: OneStopPolicy.Full with { Assistance = null });

        s.PaidBy(Payer.Assistance).Should().Be(0m);
        s.Payers.Should().NotContain(p => p.Payer == Payer.Assistance);
    }

    [Fact]
    public void Without_catastrophic_insurance_assistance_takes_its_share_of_what_the_basic_fund_left()
    {
        // Wubao 70 % of 4780 = 3346; patient 4780 − 3346 = 1434. No threshold is accumulated in a year without the insurance.
        var s = CountyStay(category: "Wubao", rules: OneStopPolicy.Full with { Catastrophic = null });

        s.Payers.Should().ContainSingle().Which.Amount.Should().Be(3_346m);
        s.PatientShare.Should().Be(1_434m);
        s.Usage.Should().Equal(new Dictionary<string, decimal>
        {
            [UsagePots.Inpatient] = 15_220m,
            [UsagePots.Assistance] = 3_346m,
        });
    }

    [Fact]
    public void Usage_lists_what_each_pot_gains()
    {
        var s = CountyStay(Prior((UsagePots.CatastrophicBase, 8_000m)), "Dibao", excluded: 2_000m);

        s.Usage.Should().Equal(new Dictionary<string, decimal>
        {
            [UsagePots.Inpatient] = 15_220m,
            [UsagePots.CatastrophicBase] = 4_780m,
            [UsagePots.Catastrophic] = 1_390m,
            [UsagePots.Assistance] = 1_695m,
        });
    }

    [Fact]
    public void Usage_of_a_chronic_claim_counts_under_its_group_and_leaves_out_pots_that_gained_nothing()
    {
        // Township outpatient, certified I10 (group A, 60 %, cap 3000, 2800 used): 500 × 60 % = 300, 200 left → 200.
        // Out of pocket 300, accumulated 300 < 10000: catastrophic 0. Dibao 50 % of 300 = 150; patient 150.
        var s = OneStopPolicy.Settle(OneStopPolicy.Full, FacilityLevel.Township, VisitType.Outpatient, [Claims.Covered(500m)],
            diagnosis: "I10", certified: ["I10"], category: "Dibao", prior: Prior((UsagePots.Chronic("A"), 2_800m)));

        s.Reimbursement.Should().Be(200m);
        s.PatientShare.Should().Be(150m);
        s.Usage.Should().Equal(new Dictionary<string, decimal>
        {
            ["chronic:A"] = 200m,
            [UsagePots.CatastrophicBase] = 300m,
            [UsagePots.Assistance] = 150m,
        });
    }

    [Fact]
    public void A_claim_that_pays_nothing_adds_no_usage_but_its_out_of_pocket_cost()
    {
        // County outpatient is not covered (ratio 0): the basic fund pays nothing, all 250 counts towards the threshold.
        var s = OneStopPolicy.Settle(OneStopPolicy.Full, FacilityLevel.County, VisitType.Outpatient, [Claims.Covered(250m)]);

        s.Usage.Should().Equal(new Dictionary<string, decimal> { [UsagePots.CatastrophicBase] = 250m });
    }
}

/// <summary>
/// A fund year with every special rule, on top of <see cref="DefaultPolicy"/>. Chronic groups: A (慢性病一类) 60 %, cap 3,000,
/// for I10 and E11; special (特殊病种) 80 %, cap 50,000, for N18.5, C34 and E11.2 (inside A's E11: the more specific code
/// decides). Delivery O80–O84: 300 village, 400 township and community, 600 county, 800 outside; the inpatient rule if more.
/// Payers as in <see cref="OneStopPayerTests"/>.
/// </summary>
internal static class OneStopPolicy
{
    public static ChronicDiseaseGroup GroupA { get; } = new("A", "慢性病一类", 0.60m, 3_000m,
        [new ChronicDisease("I10", "高血压"), new ChronicDisease("E11", "糖尿病")]);

    public static ChronicDiseaseGroup Special { get; } = new("special", "特殊病种", 0.80m, 50_000m,
    [
        new ChronicDisease("N18.5", "慢性肾脏病5期"), new ChronicDisease("C34", "支气管和肺恶性肿瘤"),
        new ChronicDisease("E11.2", "2型糖尿病伴有肾的并发症"),
    ]);

    public static DeliveryRule Delivery { get; } = new(["O80", "O81", "O82", "O83", "O84"],
    [
        new DeliverySubsidy(FacilityLevel.Village, 300m), new DeliverySubsidy(FacilityLevel.Township, 400m),
        new DeliverySubsidy(FacilityLevel.Community, 400m), new DeliverySubsidy(FacilityLevel.County, 600m),
        new DeliverySubsidy(FacilityLevel.OutsideCounty, 800m),
    ], InpatientRuleIfMore: true);

    public static CatastrophicRule Catastrophic { get; } = new("人保健康", 10_000m,
        [new CostBand(50_000m, 0.50m), new CostBand(100_000m, 0.60m), new CostBand(null, 0.70m)], 200_000m);

    public static AssistanceRules Assistance { get; } = new("民政局",
        [new AssistanceRule("Dibao", 0.50m, 10_000m), new AssistanceRule("Wubao", 0.70m, 20_000m), new AssistanceRule("Tekun", 0.60m, 15_000m)]);

    /// <summary>The benefit kinds only: no other payer.</summary>
    public static PolicyRules Kinds { get; } = DefaultPolicy.Rules with { ChronicGroups = [GroupA, Special], Delivery = Delivery };

    public static PolicyRules Full { get; } = Kinds with { Catastrophic = Catastrophic, Assistance = Assistance };

    public static Settlement Settle(PolicyRules rules, FacilityLevel level, VisitType visit, IReadOnlyList<BillLine> lines,
        string? diagnosis = null, IReadOnlyList<string>? certified = null, string? category = null, PriorUse? prior = null,
        bool referred = true) =>
        ReimbursementCalculator.Calculate(new CalculationInput(rules, level, visit, referred, lines, prior ?? PriorUse.None)
        {
            DiagnosisCode = diagnosis,
            CertifiedDiseases = certified ?? [],
            AssistanceCategory = category,
        });
}
