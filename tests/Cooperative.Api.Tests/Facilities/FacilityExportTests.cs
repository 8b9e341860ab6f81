using System.Net;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Facilities.FacilityCalls;

namespace Cooperative.Api.Tests.Facilities;

public sealed class FacilityExportTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static List<string> Headings(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    [Fact]
    public async Task The_register_workbook_lists_every_facility_under_chinese_headings_with_money_formatted()
    {
        var admin = await _app.ClientForAsync("admin");
        await admin.InspectOkAsync("P0001", Finding(3, penalty: 12345.6m, description: "使用目录外药品未告知"));
        var reviewer = await _app.ClientForAsync("reviewer");

        using var workbook = await WorkbookAsync(await reviewer.GetAsync("/api/facilities/export.xlsx"));

        var sheet = workbook.Worksheet("定点医疗机构");
        Headings(sheet).Should().StartWith(["机构编码", "机构名称", "级别", "所有制", "乡镇"]).And.Contain(["银行账号", "本期罚款金额（元）"]);
        sheet.RangeUsed().RowCount().Should().Be(188);
        sheet.SheetView.SplitRow.Should().Be(1);
        sheet.AutoFilter.IsEnabled.Should().BeTrue();
        var penaltyColumn = Headings(sheet).IndexOf("本期罚款金额（元）") + 1;
        var huatai = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "华泰医院");
        huatai.Cell(penaltyColumn).GetValue<decimal>().Should().Be(12345.60m);
        huatai.Cell(penaltyColumn).Style.NumberFormat.Format.Should().Be("#,##0.00");
        huatai.Cell(3).GetString().Should().Be("县级医院");
        var h0001 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "H0001");
        h0001.Cell(Headings(sheet).IndexOf("银行账号") + 1).GetString().Should().Be("1953010104000151875");
    }

    [Fact]
    public async Task The_register_workbook_takes_the_list_filters()
    {
        var window = await _app.ClientForAsync("window");

        using var workbook = await WorkbookAsync(await window.GetAsync("/api/facilities/export.xlsx?level=township"));

        workbook.Worksheet(1).RangeUsed().RowCount().Should().Be(23);
    }

    [Fact]
    public async Task The_compliance_workbook_lists_the_13_duties_and_the_findings_with_penalties()
    {
        var admin = await _app.ClientForAsync("admin");
        await admin.InspectOkAsync("H0001", Finding(5, warning: true, penalty: 2000m, description: "未提供费用清单"), Finding(6, description: "结报不及时"));
        var facility = await _app.FacilityClientAsync("H0001");

        using var workbook = await WorkbookAsync(await facility.GetAsync("/api/facilities/H0001/compliance.xlsx"));

        var duties = workbook.Worksheet("履约情况");
        Headings(duties).Should().Equal("序号", "职责", "检查发现（次）", "书面警告（次）", "未整改警告（次）", "罚款金额（元）", "暂停定点（次）");
        duties.RangeUsed().RowCount().Should().Be(14);
        duties.Cell(6, 2).GetString().Should().Be("提供费用清单与正式票据");
        duties.Cell(6, 6).GetValue<decimal>().Should().Be(2000m);
        duties.Cell(6, 6).Style.NumberFormat.Format.Should().Be("#,##0.00");
        duties.SheetView.SplitRow.Should().Be(1);
        var findings = workbook.Worksheet("检查发现");
        findings.RangeUsed().RowCount().Should().Be(3);
        findings.Cell(2, 4).GetString().Should().Be("未提供费用清单");
        findings.Cell(2, 5).GetString().Should().Be("是");
    }

    [Fact]
    public async Task A_facility_cannot_download_another_facilitys_compliance_or_the_register()
    {
        var facility = await _app.FacilityClientAsync("H0002");

        await (await facility.GetAsync("/api/facilities/H0001/compliance.xlsx")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_not_found");
        await (await facility.GetAsync("/api/facilities/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
