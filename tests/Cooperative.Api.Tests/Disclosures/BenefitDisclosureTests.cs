using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Benefits;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Disclosures.BenefitMonthScenario;
using static Cooperative.Api.Tests.Disclosures.DisclosureMonthScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Disclosures;

/// <summary>
/// A month under the policy with every kind and payer, disclosed over HTTP against MariaDB: a line per kind, each
/// payer's totals, the kind and the payers on each stay, and a later reversal as a correction that names its kind.
/// </summary>
public sealed class BenefitDisclosureTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await BenefitPolicy.ScenarioAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static readonly string[] Secrets = [Head.Name, Wife.Name, Son.Name, Head.IdNumber, Wife.IdNumber, Son.IdNumber, "3301991010010001"];

    [Fact]
    public async Task The_published_month_has_a_line_per_benefit_kind_and_each_payers_totals_and_no_name_or_id()
    {
        var m = await SettleNovemberAsync(_s);
        _s.Clock.Now = FixedClock.At(2026, 12, 2).Now;
        await PublishAsync(await _s.App.ClientForAsync("admin"), November);
        var anyone = _s.App.NewClient();

        var json = await anyone.GetStringAsync($"/api/public/disclosures/{November}");
        var content = JsonDocument.Parse(json).RootElement;
        var summary = content.GetProperty("summary");
        var lines = summary.GetProperty("byBenefit").EnumerateArray().ToList();
        lines.Select(l => (l.GetProperty("code").GetString(), l.GetProperty("benefitName").GetString(), l.GetProperty("visits").GetInt32()))
            .Should().Equal(("inpatient", "住院", 2), ("outpatient", "普通门诊", 1), ("chronic", "门诊慢性病/特殊病种", 1), ("delivery", "住院分娩", 1));
        foreach (var (line, benefit) in lines.Zip(new[] { "inpatient", "outpatient", "chronic", "delivery" }))
        {
            line.GetProperty("fundPaid").GetDecimal().Should().Be(Sum(m.Of(benefit), "fundPays"), benefit);
            line.GetProperty("totalCost").GetDecimal().Should().Be(Sum(m.Of(benefit), "total"), benefit);
            line.GetProperty("catastrophicPaid").GetDecimal().Should().Be(Sum(m.Of(benefit), "catastrophicPays"), benefit);
            line.GetProperty("assistancePaid").GetDecimal().Should().Be(Sum(m.Of(benefit), "assistancePays"), benefit);
        }
        lines[0].GetProperty("persons").GetInt32().Should().Be(1, "both stays are the wife's");
        summary.GetProperty("fundPaid").GetDecimal().Should().Be(Sum(m.All, "fundPays"));
        summary.GetProperty("catastrophicPaid").GetDecimal().Should().Be(m.Big.GetProperty("catastrophicPays").GetDecimal());
        summary.GetProperty("assistancePaid").GetDecimal().Should().Be(Sum(m.All, "assistancePays")).And.BePositive();
        summary.GetProperty("patientPaid").GetDecimal().Should().Be(Sum(m.All, "patientPays"));
        summary.GetProperty("inpatientVisits").GetInt32().Should().Be(3, "a delivery is an inpatient stay");
        content.GetProperty("fund").GetProperty("expenditure").GetDecimal().Should().Be(Sum(m.All, "fundPays"),
            "the other payers' parts are receivables, not the fund's expenditure");

        var stays = content.GetProperty("inpatients").EnumerateArray().ToList();
        stays.Select(r => (r.GetProperty("benefitName").GetString()!, r.GetProperty("reimbursement").GetDecimal(),
                r.GetProperty("catastrophicPaid").GetDecimal(), r.GetProperty("assistancePaid").GetDecimal()))
            .Should().Equal(new[] { ("住院分娩", m.Delivery), ("住院", m.Stay), ("住院", m.Big) }.Select(x => (x.Item1,
                x.Item2.GetProperty("fundPays").GetDecimal(), x.Item2.GetProperty("catastrophicPays").GetDecimal(),
                x.Item2.GetProperty("assistancePays").GetDecimal())));
        foreach (var secret in Secrets) json.Should().NotContain(secret);

        using var workbook = new XLWorkbook(new MemoryStream(await anyone.GetByteArrayAsync($"/api/public/disclosures/{November}.xlsx")));
        var totals = workbook.Worksheet("汇总");
        totals.Cell(2, 8).GetString().Should().Be("大病保险（元）");
        totals.Cell(3, 1).GetString().Should().Be("合计");
        totals.Cell(3, 8).GetValue<decimal>().Should().Be(summary.GetProperty("catastrophicPaid").GetDecimal());
        totals.Cell(3, 9).GetValue<decimal>().Should().Be(summary.GetProperty("assistancePaid").GetDecimal());
        totals.Cell(3, 10).GetValue<decimal>().Should().Be(summary.GetProperty("patientPaid").GetDecimal());
        var deliveryLine = totals.RowsUsed().Single(r => r.Cell(1).GetString() == "按补偿类别：住院分娩");
        deliveryLine.Cell(6).GetValue<decimal>().Should().Be(m.Delivery.GetProperty("fundPays").GetDecimal());
        deliveryLine.Cell(9).GetValue<decimal>().Should().Be(m.Delivery.GetProperty("assistancePays").GetDecimal());
        totals.RowsUsed().Count(r => r.Cell(1).GetString().StartsWith("按补偿类别：", StringComparison.Ordinal)).Should().Be(4);
        var detail = workbook.Worksheet("住院补偿明细");
        detail.Cell(2, 13).GetString().Should().Be("补偿类别");
        detail.Cell(3, 13).GetString().Should().Be("住院分娩");
        detail.Cell(5, 14).GetValue<decimal>().Should().Be(m.Big.GetProperty("catastrophicPays").GetDecimal());
        var cells = string.Join('\n', workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
        var csv = Encoding.UTF8.GetString(await anyone.GetByteArrayAsync($"/api/public/disclosures/{November}.csv"));
        csv.Should().Contain("补偿金额,补偿类别,大病保险,医疗救助").And.Contain("住院分娩");
        foreach (var secret in Secrets)
        {
            cells.Should().NotContain(secret);
            csv.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task A_later_reversal_is_a_correction_that_names_its_kind_and_takes_back_every_payers_part()
    {
        var m = await SettleNovemberAsync(_s);
        _s.Clock.Now = FixedClock.At(2026, 12, 2).Now;
        await PublishAsync(await _s.App.ClientForAsync("admin"), November);

        _s.Clock.Now = FixedClock.At(2026, 12, 10).Now;
        var reviewer = await _s.App.ClientForAsync("reviewer");
        (await reviewer.PostAsJsonAsync($"/api/claims/{m.Delivery.GetProperty("number").GetString()}/reject", new { reason = "住院分娩材料不实" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        _s.Clock.Now = FixedClock.At(2027, 1, 3).Now;
        var december = await (await (await _s.App.ClientForAsync("admin")).PostAsync("/api/disclosures/2026-12/prepare", null))
            .ShouldBeOkAsync<JsonElement>();
        var content = december.GetProperty("content");
        var correction = content.GetProperty("corrections").EnumerateArray().Should().ContainSingle().Subject;
        correction.GetProperty("visitType").GetString().Should().Be("住院分娩");
        correction.GetProperty("originalRow").GetInt32().Should().Be(1, "the delivery was the first stay listed in November");
        correction.GetProperty("reimbursement").GetDecimal().Should().Be(-m.Delivery.GetProperty("fundPays").GetDecimal());
        correction.GetProperty("assistancePaid").GetDecimal().Should().Be(-m.Delivery.GetProperty("assistancePays").GetDecimal()).And.BeNegative();
        correction.GetProperty("catastrophicPaid").GetDecimal().Should().Be(0m);
        var summary = content.GetProperty("summary");
        summary.GetProperty("byBenefit").EnumerateArray().Select(l => l.GetProperty("visits").GetInt32()).Should().Equal(0, 0, 0, 0);
        summary.GetProperty("netFundPaid").GetDecimal().Should().Be(-m.Delivery.GetProperty("fundPays").GetDecimal());
        using var workbook = new XLWorkbook(new MemoryStream(await (await _s.App.ClientForAsync("admin")).GetByteArrayAsync("/api/disclosures/2026-12.xlsx")));
        var corrections = workbook.Worksheet("更正");
        corrections.Cell(3, 4).GetString().Should().Be("住院分娩");
        corrections.Cell(3, 11).GetValue<decimal>().Should().Be(-m.Delivery.GetProperty("assistancePays").GetDecimal());
    }
}
