using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Fund.LedgerScenario;

namespace Cooperative.Api.Tests.Fund;

public sealed class SettlementAndExportTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        _admin = await _app.ClientForAsync("admin");
        await PostOctoberAsync(_admin);
        // What the fund owes the city hospital for October's direct settlements, and a penalty deducted from it.
        await PostAsync(_admin, Entry("2026-10-25", "即时结报（市人民医院）", Line("5001.04", 5000m, 0m), Line("2001", 0m, 5000m, "H0001")));
        await PostAsync(_admin, Entry("2026-10-28", "违规罚款", Line("2001", 300m, 0m, "H0001"), Line("4301", 0m, 300m)));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_monthly_settlement_pays_what_is_owed_less_penalties_once()
    {
        var first = await (await _admin.PostAsync("/api/ledger/facility-settlements/2026-10", null)).ShouldBeOkAsync<JsonElement>();
        first.EnumerateArray().Single(p => p.GetProperty("facilityCode").GetString() == "H0001").GetProperty("paid").GetDecimal().Should().Be(4700m);

        var second = await (await _admin.PostAsync("/api/ledger/facility-settlements/2026-10", null)).ShouldBeOkAsync<JsonElement>();
        second.EnumerateArray().Sum(p => p.GetProperty("paid").GetDecimal()).Should().Be(0m);

        var trial = await GetAsync(_admin, "/api/ledger/trial-balance?date=2026-11-20");
        Balance(trial, "2001").Should().Be(0m);
        Balance(trial, "1001").Should().Be(15000m - 4700m);
    }

    [Fact]
    public async Task A_facility_reads_its_own_statement_and_no_other()
    {
        await _admin.PostAsync("/api/ledger/facility-settlements/2026-10", null);

        var own = await GetAsync(await _app.FacilityClientAsync("H0001"), "/api/ledger/facility-settlements/2026-11/H0001");
        own.GetProperty("opening").GetDecimal().Should().Be(4700m);
        own.GetProperty("payments").GetDecimal().Should().Be(4700m);
        own.GetProperty("closing").GetDecimal().Should().Be(0m);

        var other = await (await _app.FacilityClientAsync("H0002")).GetAsync("/api/ledger/facility-settlements/2026-11/H0001");
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_statement_not_found");
        var october = await GetAsync(_admin, "/api/ledger/facility-settlements/2026-10/H0001");
        october.GetProperty("closing").GetDecimal().Should().Be(4700m, "5,000 owed less the 300 deducted");
    }

    [Fact]
    public async Task The_invariant_holds_after_the_scenario()
    {
        await _admin.PostAsync("/api/ledger/periods/2026-10/close", null);
        await _admin.PostAsync("/api/ledger/facility-settlements/2026-10", null);

        var report = await GetAsync(await _app.ClientForAsync("auditor"), "/api/ledger/invariant");

        report.GetProperty("holds").GetBoolean().Should().BeTrue(report.ToString());
        report.GetProperty("totalDebit").GetDecimal().Should().Be(report.GetProperty("totalCredit").GetDecimal());
    }

    [Fact]
    public async Task The_annual_audit_workbook_opens_and_its_totals_match_the_books()
    {
        var response = await (await _app.ClientForAsync("auditor")).GetAsync("/api/ledger/audit-workbook.xlsx?year=2026");
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        workbook.Worksheets.Select(w => w.Name).Should().Equal("基金收支表", "试算平衡表", "月度汇总", "补偿支出按级别", "机构结算与罚款", "审计链验证", "账实核对");
        workbook.Worksheet("审计链验证").RowsUsed().Should().Contain(r => r.Cell(1).GetString() == "最近一个相符的检查点");
        workbook.Worksheet("账实核对").Cell(2, 1).GetString().Should().Be("相符", "no claim, no usage and no facility payment disagree");
        var statement = workbook.Worksheet("基金收支表");
        statement.Cell(2, 2).GetString().Should().Be("项目");
        var income = statement.RowsUsed().Skip(2).Where(r => r.Cell(2).GetString().StartsWith("收入", StringComparison.Ordinal)).Sum(r => r.Cell(3).GetValue<decimal>());
        income.Should().Be(39300m, "contributions, subsidy and the penalty");
        statement.Column(3).Style.NumberFormat.Format.Should().Be("#,##0.00");
        statement.SheetView.SplitRow.Should().Be(2, "the header stays in view");
        var facilities = workbook.Worksheet("机构结算与罚款").Row(2);
        facilities.Cell(1).GetString().Should().Be("H0001");
        facilities.Cell(2).GetValue<decimal>().Should().Be(5000m);
        facilities.Cell(5).GetValue<decimal>().Should().Be(4700m);
        workbook.Worksheet("审计链验证").Cell(4, 2).GetString().Should().Be("是");
    }

    [Fact]
    public async Task The_journal_streams_as_csv_with_every_line()
    {
        var response = await (await _app.ClientForAsync("auditor")).GetAsync("/api/ledger/journal.csv?year=2026");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads Chinese CSV with a byte order mark");
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("凭证号,日期");
        lines.Length.Should().Be(1 + 10, "five entries of two lines");
        lines.Should().Contain(l => l.Contains(",2001,应付定点医疗机构款,0.00,5000.00,H0001,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Window_staff_and_facilities_cannot_read_the_books()
    {
        var window = await _app.ClientForAsync("window");
        (await window.GetAsync("/api/ledger/trial-balance")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await _app.FacilityClientAsync()).GetAsync("/api/ledger/journal.csv?year=2026")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _app.CreateClient().GetAsync("/api/ledger/invariant")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
