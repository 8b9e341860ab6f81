using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class StatisticsTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync();
        await PublishNextYearsPolicyAsync(_app);
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        var liu = await RegisterAsync(window, "3301991020010001",
            [new Member(Id("19750505", 55), "刘芳", "户主"), new Member(Id("19990909", 66), "刘洋", "子女")], OtherTownship, OtherVillage);
        await (await EnrollAsync(window, IdOf(liu), ThisYear, MemberIds(liu).Take(1))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        await (await EnrollAsync(window, IdOf(liu), ThisYear + 1, MemberIds(liu))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Statistics_count_the_persons_enrolled_in_the_year_against_each_townships_rural_population()
    {
        var auditor = await _app.ClientForAsync("auditor");
        var townships = await (await _app.CreateClient().GetAsync("/api/townships")).ShouldBeOkAsync<JsonElement>();
        var population = townships.EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("ruralPopulation").GetInt32());

        var statistics = await (await auditor.GetAsync($"/api/enrollment/statistics?fundYear={ThisYear}")).ShouldBeOkAsync<JsonElement>();

        var rows = statistics.GetProperty("townships").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        rows.Should().HaveCount(population.Count);
        rows[Township].GetProperty("enrolled").GetInt32().Should().Be(3);
        rows[OtherTownship].GetProperty("enrolled").GetInt32().Should().Be(1);
        rows[Township].GetProperty("rate").GetDecimal().Should().Be(Math.Round(3m / population[Township], 4, MidpointRounding.AwayFromZero));
        rows.Values.Where(t => t.GetProperty("code").GetString() is not (Township or OtherTownship))
            .Should().OnlyContain(t => t.GetProperty("enrolled").GetInt32() == 0);
        var county = statistics.GetProperty("county");
        (county.GetProperty("enrolled").GetInt32(), county.GetProperty("ruralPopulation").GetInt32()).Should().Be((4, population.Values.Sum()));
    }

    [Fact]
    public async Task Each_fund_year_counts_its_own_enrolments()
    {
        var window = await _app.ClientForAsync("window");

        var next = await (await window.GetAsync($"/api/enrollment/statistics?fundYear={ThisYear + 1}")).ShouldBeOkAsync<JsonElement>();

        next.GetProperty("county").GetProperty("enrolled").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task The_workbook_has_chinese_headings_a_frozen_header_and_the_rates_of_the_json()
    {
        var admin = await _app.ClientForAsync("admin");
        var json = await (await admin.GetAsync($"/api/enrollment/statistics?fundYear={ThisYear}")).ShouldBeOkAsync<JsonElement>();

        var response = await admin.GetAsync($"/api/enrollment/statistics.xlsx?fundYear={ThisYear}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()).Should().Equal("乡镇代码", "乡镇名称", "农业人口", "参合人数", "参合率");
        sheet.SheetView.SplitRow.Should().Be(1);
        sheet.AutoFilter.IsEnabled.Should().BeTrue();
        var first = json.GetProperty("townships")[0];
        sheet.Cell(2, 1).GetString().Should().Be(first.GetProperty("code").GetString());
        sheet.Cell(2, 1).DataType.Should().Be(XLDataType.Text);
        sheet.Cell(2, 5).GetValue<decimal>().Should().Be(first.GetProperty("rate").GetDecimal());
        sheet.Cell(2, 5).Style.NumberFormat.Format.Should().Be("0.00%");
        var total = sheet.LastRowUsed().RowNumber();
        (sheet.Cell(total, 1).GetString(), sheet.Cell(total, 4).GetValue<int>()).Should().Be(("全市合计", 4));
    }

    [Fact]
    public async Task A_missing_fund_year_is_a_validation_problem()
    {
        var admin = await _app.ClientForAsync("admin");

        await (await admin.GetAsync("/api/enrollment/statistics")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_facility_may_not_read_statistics()
    {
        var facility = await _app.FacilityClientAsync();

        await (await facility.GetAsync($"/api/enrollment/statistics?fundYear={ThisYear}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.GetAsync($"/api/enrollment/statistics.xlsx?fundYear={ThisYear}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
