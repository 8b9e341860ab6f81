using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Benefits;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Disclosures.BenefitMonthScenario;

namespace Cooperative.Api.Tests.Fund;

/// <summary>The audit workbook and the pooled-fund report under the policy with every kind and payer, against MariaDB.</summary>
public sealed class BenefitAuditWorkbookTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await BenefitPolicy.ScenarioAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<XLWorkbook> WorkbookAsync()
    {
        var response = await (await _s.App.ClientForAsync("auditor")).GetAsync("/api/ledger/audit-workbook.xlsx?year=2026");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static IXLRangeRow Row(IXLWorksheet sheet, string code) => sheet.RangeUsed()!.Rows().Single(r => r.Cell(1).GetString() == code);

    [Fact]
    public async Task The_audit_workbook_has_every_kind_at_every_level_with_each_payers_part_beside_the_books()
    {
        var m = await SettleNovemberAsync(_s);

        using (var workbook = await WorkbookAsync())
        {
            workbook.Worksheets.Select(w => w.Name).Should().Contain("补偿支出按级别");
            var sheet = workbook.Worksheet("补偿支出按级别");
            sheet.Cell(1, 4).GetString().Should().Be("补偿人次");
            sheet.Cell(1, 7).GetString().Should().Be("大病保险");
            sheet.Cell(1, 8).GetString().Should().Be("医疗救助");
            foreach (var kind in new[] { "5001", "5002", "5003", "5004" })
            {
                sheet.RowsUsed().Count(r => r.Cell(1).GetString().StartsWith(kind + ".", StringComparison.Ordinal)).Should()
                    .Be(Enum.GetValues<Domain.Reimbursement.FacilityLevel>().Length, $"every level of {kind}, one without claims too");
                var subtotal = Row(sheet, kind);
                subtotal.Cell(3).GetValue<decimal>().Should().Be(subtotal.Cell(6).GetValue<decimal>(), $"the books and the claims agree for {kind}");
            }
            var chronic = Row(sheet, "5003.04");
            chronic.Cell(2).GetString().Should().Be("门诊慢性病/特殊病种补偿支出-县级医院");
            chronic.Cell(3).GetValue<decimal>().Should().Be(m.Chronic.GetProperty("fundPays").GetDecimal());
            chronic.Cell(4).GetValue<int>().Should().Be(1);
            var delivery = Row(sheet, "5004");
            delivery.Cell(4).GetValue<int>().Should().Be(1);
            delivery.Cell(8).GetValue<decimal>().Should().Be(m.Delivery.GetProperty("assistancePays").GetDecimal());
            delivery.Cell(9).GetValue<decimal>().Should().Be(m.Delivery.GetProperty("patientPays").GetDecimal());
            var inpatient = Row(sheet, "5001");
            inpatient.Cell(4).GetValue<int>().Should().Be(2);
            inpatient.Cell(7).GetValue<decimal>().Should().Be(m.Big.GetProperty("catastrophicPays").GetDecimal());
            var total = Row(sheet, "合计");
            total.Cell(3).GetValue<decimal>().Should().Be(Sum(m.All, "fundPays"));
            total.Cell(4).GetValue<int>().Should().Be(5);
            total.Cell(5).GetValue<decimal>().Should().Be(Sum(m.All, "total"));
            total.Cell(7).GetValue<decimal>().Should().Be(await _s.BalanceAsync("1104"), "the claims' catastrophic parts are the insurer's receivable");
            total.Cell(8).GetValue<decimal>().Should().Be(await _s.BalanceAsync("1105"));
            total.Cell(9).GetValue<decimal>().Should().Be(Sum(m.All, "patientPays"));

            var november = Row(workbook.Worksheet("月度汇总"), "2026-11");
            november.Cell(3).GetValue<decimal>().Should().Be(Sum(m.All, "fundPays"), "every kind's expense is a claim expense");
            november.Cell(4).GetValue<decimal>().Should().Be(0m);
            november.Cell(6).GetValue<decimal>().Should().Be(Sum(m.All, "catastrophicPays")).And.BePositive();
            november.Cell(7).GetValue<decimal>().Should().Be(Sum(m.All, "assistancePays"));
        }

        var pooled = await (await _s.App.ClientForAsync("auditor")).GetAsync("/api/ledger/pooled-fund?date=2026-11-20");
        var report = await pooled.ShouldBeOkAsync<JsonElement>();
        report.GetProperty("catastrophicReceivable").GetDecimal().Should().Be(Sum(m.All, "catastrophicPays"));
        report.GetProperty("assistanceReceivable").GetDecimal().Should().Be(Sum(m.All, "assistancePays"));
        report.GetProperty("reconciled").GetBoolean().Should().BeTrue();

        // Rejected the same year: its settlement and its reversal net out, in the books and in the claims' columns alike.
        var reviewer = await _s.App.ClientForAsync("reviewer");
        (await reviewer.PostAsJsonAsync($"/api/claims/{m.Delivery.GetProperty("number").GetString()}/reject", new { reason = "材料不实" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        using var after = await WorkbookAsync();
        var netted = Row(after.Worksheet("补偿支出按级别"), "5004");
        netted.Cell(3).GetValue<decimal>().Should().Be(0m);
        netted.Cell(4).GetValue<int>().Should().Be(0);
        netted.Cell(8).GetValue<decimal>().Should().Be(0m);
        after.Worksheet("账实核对").Cell(2, 1).GetString().Should().Be("相符");
    }
}

/// <summary>The same workbook columns and the month's lines by kind on the embedded default (SQLite sums decimals in memory).</summary>
public sealed class BenefitAuditWorkbookOnSqliteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task Kinds_and_payers_add_up_in_the_audit_workbook_and_the_disclosure_on_sqlite()
    {
        var clock = FixedClock.At(2026, 1, 5);
        await using var app = CooperativeApp.StartSqlite(_file, clock: clock);
        await LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", ClaimScenario.OpeningBank);
        await BenefitPolicy.AddVersionAsync(app);
        await Enrollment.Households.EnrolledWangsAsync(await app.ClientForAsync("window"));
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var m = await SettleNovemberAsync(await app.ClientForAsync("window"), await app.FacilityClientAsync("H0001"));

        using (var workbook = new XLWorkbook(new MemoryStream(await (await app.ClientForAsync("auditor"))
                   .GetByteArrayAsync("/api/ledger/audit-workbook.xlsx?year=2026"))))
        {
            var total = workbook.Worksheet("补偿支出按级别").RowsUsed().Single(r => r.Cell(1).GetString() == "合计");
            total.Cell(3).GetValue<decimal>().Should().Be(Sum(m.All, "fundPays"));
            total.Cell(6).GetValue<decimal>().Should().Be(Sum(m.All, "fundPays"));
            total.Cell(7).GetValue<decimal>().Should().Be(Sum(m.All, "catastrophicPays"));
            total.Cell(8).GetValue<decimal>().Should().Be(Sum(m.All, "assistancePays"));
        }

        clock.Now = FixedClock.At(2026, 12, 2).Now;
        var prepared = await (await (await app.ClientForAsync("admin")).PostAsync("/api/disclosures/2026-11/prepare", null)).ShouldBeOkAsync<JsonElement>();
        var summary = prepared.GetProperty("content").GetProperty("summary");
        summary.GetProperty("byBenefit").EnumerateArray().Select(l => l.GetProperty("visits").GetInt32()).Should().Equal(2, 1, 1, 1);
        summary.GetProperty("catastrophicPaid").GetDecimal().Should().Be(Sum(m.All, "catastrophicPays"));
        summary.GetProperty("assistancePaid").GetDecimal().Should().Be(Sum(m.All, "assistancePays"));
    }
}
