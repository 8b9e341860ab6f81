using Cooperative.Domain.Disclosures;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Disclosures;

public class DisclosureBuilderTests
{
    private static readonly DisclosureMonth March = new(2026, 3);
    private static readonly FundFigures Fund = new(1000m, 800m, 5000m);
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>As the API stores content: web casing, enums as strings.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsStored =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static SettledVisit Visit(VisitType type, string name, decimal total, decimal paid, string village = "城关镇东风村",
        string facility = "县人民医院", FacilityLevel level = FacilityLevel.County, Guid? person = null, int day = 10,
        BenefitKind? kind = null, decimal catastrophic = 0m, decimal assistance = 0m) =>
        new(Guid.CreateVersion7(), person ?? Guid.NewGuid(), type, level, facility, village, name, Gender.Female, new DateOnly(1960, 3, 15),
            new DateOnly(2026, 3, day), new DateOnly(2026, 3, day + 3), total, total - 100m, paid, kind ?? BenefitKinds.General(type),
            catastrophic, assistance);

    [Fact]
    public void Inpatients_are_listed_with_masked_names_ages_at_admission_and_rows_in_discharge_order()
    {
        var late = Visit(VisitType.Inpatient, "欧阳小明", 9000m, 5000m, day: 20);
        var early = Visit(VisitType.Inpatient, "张三丰", 3000m, 1500m, day: 2);

        var build = DisclosureBuilder.Build(March, [late, early], [], Fund);

        build.Content.Inpatients.Select(r => (r.Row, r.MaskedName)).Should().Equal((1, "张*丰"), (2, "欧**明"));
        build.Content.Inpatients[0].Age.Should().Be(65, "born 1960-03-15, admitted 2026-03-02: not yet 66");
        build.Content.Inpatients[1].Age.Should().Be(66);
        build.Content.Inpatients[0].Gender.Should().Be("女");
        build.Content.Inpatients[0].FacilityLevel.Should().Be("县级医院");
        build.InpatientClaimIds.Should().Equal(early.ClaimId, late.ClaimId);
    }

    [Fact]
    public void Outpatient_visits_are_totalled_per_village_and_per_facility_with_persons_counted_once()
    {
        var person = Guid.NewGuid();
        var visits = new[]
        {
            Visit(VisitType.Outpatient, "李四", 80m, 40m, village: "甲村", facility: "甲卫生室", level: FacilityLevel.Village, person: person),
            Visit(VisitType.Outpatient, "李四", 60.50m, 30.25m, village: "甲村", facility: "乙卫生院", level: FacilityLevel.Township, person: person),
            Visit(VisitType.Outpatient, "王五", 100m, 50m, village: "乙村", facility: "甲卫生室", level: FacilityLevel.Village),
        };

        var content = DisclosureBuilder.Build(March, visits, [], Fund).Content;

        content.OutpatientByVillage.Should().Equal(new VillageOutpatientTotal("乙村", 1, 1, 100m, 50m),
            new VillageOutpatientTotal("甲村", 1, 2, 140.50m, 70.25m));
        content.OutpatientByFacility.Should().ContainEquivalentOf(new FacilityOutpatientTotal("甲卫生室", "村卫生室", 2, 2, 180m, 90m));
        content.Inpatients.Should().BeEmpty();
        content.Summary.Persons.Should().Be(2);
        content.Summary.OutpatientVisits.Should().Be(3);
        content.Summary.OutpatientFundPaid.Should().Be(120.25m);
    }

    [Fact]
    public void The_summary_adds_up_by_level_and_the_average_ratio_is_a_fraction_to_four_places()
    {
        var visits = new[]
        {
            Visit(VisitType.Inpatient, "张三", 3000m, 1000m, level: FacilityLevel.Township),
            Visit(VisitType.Outpatient, "李四", 1000m, 333.33m, level: FacilityLevel.Village),
            Visit(VisitType.Inpatient, "王五", 2000m, 1200m),
        };

        var summary = DisclosureBuilder.Build(March, visits, [], Fund).Content.Summary;

        summary.Visits.Should().Be(3);
        summary.TotalCost.Should().Be(6000m);
        summary.FundPaid.Should().Be(2533.33m);
        summary.AverageRatio.Should().Be(0.4222m, "2533.33 / 6000 = 0.422221…");
        summary.InpatientVisits.Should().Be(2);
        summary.InpatientFundPaid.Should().Be(2200m);
        summary.ByLevel.Select(l => (l.LevelName, l.Visits, l.FundPaid)).Should()
            .Equal(("村卫生室", 1, 333.33m), ("乡镇卫生院", 1, 1000m), ("县级医院", 1, 1200m));
        summary.ByLevel.Sum(l => l.TotalCost).Should().Be(summary.TotalCost);
        summary.NetFundPaid.Should().Be(2533.33m);
    }

    [Fact]
    public void A_reversal_of_an_earlier_month_is_a_negative_correction_and_nets_out_of_the_fund_paid()
    {
        var original = Visit(VisitType.Inpatient, "赵六", 5000m, 2500m);
        var reversal = new ReversedVisit(original, new DisclosureMonth(2026, 2), 7, new DateOnly(2026, 3, 5));

        var content = DisclosureBuilder.Build(March, [Visit(VisitType.Inpatient, "钱七", 1000m, 400m)], [reversal], Fund).Content;

        content.Corrections.Should().ContainSingle().Which.Should().Be(new CorrectionRow("赵*", "城关镇东风村", "县人民医院", "住院", "2026-02", 7,
            new DateOnly(2026, 3, 5), -5000m, -2500m));
        content.Summary.Corrections.Should().Be(1);
        content.Summary.CorrectionsFundPaid.Should().Be(-2500m);
        content.Summary.NetFundPaid.Should().Be(-2100m);
        content.Summary.FundPaid.Should().Be(400m, "the month's own settlements are not changed by the correction");
    }

    [Fact]
    public void No_full_name_survives_anywhere_in_the_content()
    {
        var names = new[] { "张三丰", "欧阳小明", "李四" };
        var visits = names.Select((n, i) => Visit(i == 2 ? VisitType.Outpatient : VisitType.Inpatient, n, 100m, 50m)).ToList();
        var reversed = new ReversedVisit(Visit(VisitType.Inpatient, "孙悟空", 10m, 5m), new DisclosureMonth(2026, 1), null, new DateOnly(2026, 3, 1));

        var text = System.Text.Json.JsonSerializer.Serialize(DisclosureBuilder.Build(March, visits, [reversed], Fund).Content, Readable);

        foreach (var name in names.Append("孙悟空")) text.Should().NotContain(name);
        text.Should().Contain("张*丰").And.Contain("孙*空");
    }

    [Fact]
    public void Every_benefit_kind_has_its_line_in_order_a_kind_without_claims_too_and_a_delivery_is_listed_as_a_stay()
    {
        var person = Guid.NewGuid();
        var visits = new[]
        {
            Visit(VisitType.Inpatient, "张三", 3000m, 1500m),
            Visit(VisitType.Outpatient, "李四", 80m, 40m, person: person, level: FacilityLevel.Village),
            Visit(VisitType.Outpatient, "李四", 60m, 30m, person: person, level: FacilityLevel.Village),
            Visit(VisitType.Inpatient, "王芳", 1200m, 1000m, kind: BenefitKind.Delivery, day: 1),
        };

        var content = DisclosureBuilder.Build(March, visits, [], Fund).Content;

        content.Summary.ByBenefit.Select(b => (b.Code, b.BenefitName, b.Persons, b.Visits, b.TotalCost, b.FundPaid)).Should().Equal(
            ("inpatient", "住院", 1, 1, 3000m, 1500m),
            ("outpatient", "普通门诊", 1, 2, 140m, 70m),
            ("chronic", "门诊慢性病/特殊病种", 0, 0, 0m, 0m),
            ("delivery", "住院分娩", 1, 1, 1200m, 1000m));
        content.Summary.ByBenefit.Sum(b => b.FundPaid).Should().Be(content.Summary.FundPaid);
        content.Summary.ByBenefit.Sum(b => b.Visits).Should().Be(content.Summary.Visits);
        content.Inpatients.Select(r => (r.MaskedName, r.BenefitName)).Should().Equal(("王*", "住院分娩"), ("张*", "住院"));
        content.Summary.InpatientVisits.Should().Be(2, "a delivery is an inpatient stay");
        content.Summary.InpatientFundPaid.Should().Be(2500m);
        content.OutpatientByVillage.Should().ContainSingle().Which.Visits.Should().Be(2);
    }

    [Fact]
    public void The_other_payers_are_summed_apart_from_the_fund_by_kind_and_for_the_month_and_the_patients_paid_the_rest()
    {
        var visits = new[]
        {
            Visit(VisitType.Inpatient, "张三", 40000m, 31220m, catastrophic: 1780m, assistance: 3500m),
            Visit(VisitType.Inpatient, "赵六", 20000m, 15220m, assistance: 2390m, day: 2),
            Visit(VisitType.Outpatient, "李四", 250m, 150m, kind: BenefitKind.ChronicDisease, assistance: 50m),
            Visit(VisitType.Inpatient, "王芳", 1200m, 1000m, kind: BenefitKind.Delivery, assistance: 100m, day: 1),
        };

        var content = DisclosureBuilder.Build(March, visits, [], Fund).Content;

        var summary = content.Summary;
        summary.FundPaid.Should().Be(47590m, "fund paid is the basic fund's part only");
        summary.CatastrophicPaid.Should().Be(1780m);
        summary.AssistancePaid.Should().Be(6040m);
        summary.PatientPaid.Should().Be(61450m - 47590m - 1780m - 6040m);
        summary.ByBenefit.Select(b => (b.Code, b.CatastrophicPaid, b.AssistancePaid)).Should().Equal(
            ("inpatient", 1780m, 5890m), ("outpatient", 0m, 0m), ("chronic", 0m, 50m), ("delivery", 0m, 100m));
        content.Inpatients.Select(r => (r.BenefitName, r.Reimbursement, r.CatastrophicPaid, r.AssistancePaid)).Should().Equal(
            ("住院分娩", 1000m, 0m, 100m), ("住院", 15220m, 0m, 2390m), ("住院", 31220m, 1780m, 3500m));
        summary.NetFundPaid.Should().Be(47590m);
    }

    [Fact]
    public void A_correction_names_the_kind_it_was_paid_under_and_takes_back_every_payers_part()
    {
        var chronic = Visit(VisitType.Outpatient, "赵六", 250m, 150m, kind: BenefitKind.ChronicDisease, assistance: 50m);
        var delivery = Visit(VisitType.Inpatient, "钱七", 3000m, 1820m, kind: BenefitKind.Delivery, catastrophic: 10m, assistance: 590m);
        var reversed = new[]
        {
            new ReversedVisit(chronic, new DisclosureMonth(2026, 2), null, new DateOnly(2026, 3, 5)),
            new ReversedVisit(delivery, new DisclosureMonth(2026, 2), 3, new DateOnly(2026, 3, 6)),
        };

        var content = DisclosureBuilder.Build(March, [], reversed, Fund).Content;

        content.Corrections.Select(c => (c.VisitType, c.TotalCost, c.Reimbursement, c.CatastrophicPaid, c.AssistancePaid)).Should().Equal(
            ("门诊慢性病/特殊病种", -250m, -150m, 0m, -50m), ("住院分娩", -3000m, -1820m, -10m, -590m));
        content.Summary.CorrectionsFundPaid.Should().Be(-1970m);
        content.Summary.ByBenefit.Should().OnlyContain(b => b.Visits == 0, "a correction is not a visit of this month");
    }

    [Fact]
    public void A_month_published_before_benefit_kinds_and_payers_still_reads_and_says_nothing_of_them()
    {
        // The shape stored before kinds and payers existed (web casing, enums as strings): none of their fields.
        const string published = """
            {"month":"2026-02","summary":{"persons":2,"visits":2,"totalCost":5080.00,"eligible":4900.00,"fundPaid":2540.00,
            "averageRatio":0.5000,"inpatientVisits":1,"inpatientFundPaid":2500.00,"outpatientVisits":1,"outpatientFundPaid":40.00,
            "byLevel":[{"level":"County","levelName":"县级医院","persons":2,"visits":2,"totalCost":5080.00,"fundPaid":2540.00}],
            "corrections":1,"correctionsFundPaid":-5.00,"netFundPaid":2535.00},
            "fund":{"income":1000.00,"expenditure":2540.00,"balance":5000.00},
            "inpatients":[{"row":1,"maskedName":"赵*","gender":"女","age":65,"village":"城关镇东风村","facility":"县人民医院",
            "facilityLevel":"县级医院","admissionDate":"2026-02-10","dischargeDate":"2026-02-13","totalCost":5000.00,"eligible":4900.00,
            "reimbursement":2500.00}],
            "outpatientByVillage":[{"village":"城关镇东风村","persons":1,"visits":1,"totalCost":80.00,"fundPaid":40.00}],
            "outpatientByFacility":[{"facility":"县人民医院","facilityLevel":"县级医院","persons":1,"visits":1,"totalCost":80.00,"fundPaid":40.00}],
            "corrections":[{"maskedName":"孙*空","village":"城关镇东风村","facility":"县人民医院","visitType":"门诊","originalMonth":"2026-01",
            "originalRow":null,"reversedOn":"2026-02-01","totalCost":-10.00,"reimbursement":-5.00}],"auditCheckpoint":null}
            """;
        var content = System.Text.Json.JsonSerializer.Deserialize<DisclosureContent>(published, AsStored)!;

        content.Summary.FundPaid.Should().Be(2540m);
        content.Summary.ByLevel.Single().Level.Should().Be(FacilityLevel.County);
        content.Summary.ByBenefit.Should().BeEmpty();
        content.Summary.CatastrophicPaid.Should().Be(0m);
        content.Summary.AssistancePaid.Should().Be(0m);
        content.Summary.PatientPaid.Should().BeNull("what the patients paid was not published then");
        content.Inpatients.Single().BenefitName.Should().Be("住院", "every stay was paid under the inpatient rule before kinds");
        content.Inpatients.Single().AssistancePaid.Should().Be(0m);
        content.Corrections.Single().VisitType.Should().Be("门诊");
        content.Corrections.Single().CatastrophicPaid.Should().Be(0m);
        content.AuditCheckpoint.Should().BeNull();
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-3", false)]
    [InlineData("26-03-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_month_is_written_year_dash_two_digit_month(string? text, bool valid) =>
        DisclosureMonth.TryParse(text, out _).Should().Be(valid);

    [Fact]
    public void A_month_has_ended_only_from_the_first_day_of_the_next()
    {
        March.HasEnded(new DateOnly(2026, 3, 31)).Should().BeFalse();
        March.HasEnded(new DateOnly(2026, 4, 1)).Should().BeTrue();
        new DisclosureMonth(2026, 12).Next.Should().Be(new DisclosureMonth(2027, 1));
        March.Period.Should().Be(202603);
    }

    [Fact]
    public void A_ratio_of_nothing_is_zero() => DisclosureBuilder.Ratio(0m, 0m).Should().Be(0m);
}
