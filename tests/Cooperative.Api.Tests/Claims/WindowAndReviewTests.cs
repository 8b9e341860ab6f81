using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

public sealed class WindowAndReviewTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>Treated in a provincial hospital without referral: deductible 1,000, 45 % (55 less 10 points).</summary>
    private static object PaperClaim(string invoice, params string[] documents) => new
    {
        idNumber = Son.IdNumber, patientName = Son.Name, visitType = "inpatient", admissionDate = "2026-10-20", dischargeDate = "2026-10-30", diagnosisCode = "S82.2",
        referred = false, invoiceNumber = invoice, facilityName = "省人民医院", facilityLevel = "outside_county",
        lines = new[] { new { amount = 9000m, status = "covered", code = (string?)null } },
        providedDocuments = documents,
    };

    [Fact]
    public async Task A_paper_claim_missing_documents_waits_with_one_notice_then_settles_and_is_paid()
    {
        var pending = await (await SubmitAsync(_s.Window, PaperClaim("SRM-1", "id_card"), "w-1", "/api/claims/window"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        pending.GetProperty("status").GetString().Should().Be("pending_documents");
        pending.GetProperty("missingDocuments").EnumerateArray().Select(d => d.GetString()).Should().Equal("invoices", "itemized_list", "discharge_summary");
        pending.GetProperty("notice").GetString().Should().Contain("医疗费用发票").And.Contain("费用明细清单").And.Contain("出院小结");
        (await _s.BalanceAsync("5001.05")).Should().Be(0m, "nothing is paid while documents are missing");
        var number = pending.GetProperty("number").GetString();

        var settled = await (await _s.Window.PostAsJsonAsync($"/api/claims/{number}/documents",
            new { providedDocuments = new[] { "invoices", "itemized_list", "discharge_summary" } })).ShouldBeOkAsync<JsonElement>();
        settled.GetProperty("status").GetString().Should().Be("settled");
        settled.GetProperty("fundPays").GetDecimal().Should().Be(3600m, "(9,000 − 1,000) × 45 %");

        var paid = await (await _s.Window.PostAsJsonAsync($"/api/claims/{number}/pay", new { method = "cash" })).ShouldBeOkAsync<JsonElement>();
        paid.GetProperty("status").GetString().Should().Be("paid");
        (await _s.BalanceAsync("2002")).Should().Be(0m);
        (await _s.BalanceAsync("1001")).Should().Be(OpeningBank + 300m - 3600m, "two members paid 150 each (the wife is on 低保: civil affairs pays), the payment went out");
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task A_rejected_settled_claim_is_reversed_in_the_ledger_and_the_cap_given_back()
    {
        var claim = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "r-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString();
        var reviewer = await _s.App.ClientForAsync("reviewer");

        (await _s.Window.PostAsJsonAsync($"/api/claims/{number}/reject", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var rejected = await (await reviewer.PostAsJsonAsync($"/api/claims/{number}/reject", new { reason = "挂床住院，不予报销" }))
            .ShouldBeOkAsync<JsonElement>();

        rejected.GetProperty("status").GetString().Should().Be("reversed");
        rejected.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString())
            .Should().Equal("submitted", "settled", "rejected", "reversed");
        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(0m);
        (await _s.BalanceAsync("5001.04")).Should().Be(0m);
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'claim-reversal'")).Should().Be(1);
        await _s.InvariantHoldsAsync();

        var corrected = await SubmitAsync(_s.CityHospital, InpatientBill(Head), "r-2");
        corrected.StatusCode.Should().Be(HttpStatusCode.Created, "a correction is a new claim on the same invoice once the first is reversed");
    }

    [Fact]
    public async Task Readmission_within_15_days_is_flagged_for_review_and_can_be_approved()
    {
        await SubmitAsync(_s.CityHospital, InpatientBill(Head, "A-1", "2026-10-20", "2026-10-25"), "f-1");
        var second = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head, "A-2", "2026-11-02", "2026-11-08"), "f-2"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        second.GetProperty("status").GetString().Should().Be("under_review");
        second.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("readmission_15d");
        var reviewer = await _s.App.ClientForAsync("reviewer");
        var queue = await (await reviewer.GetAsync("/api/claims/review-queue?flag=readmission_15d")).ShouldBeOkAsync<JsonElement>();
        queue.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString().Should().Be(second.GetProperty("number").GetString());
        var approved = await (await reviewer.PostAsJsonAsync($"/api/claims/{second.GetProperty("number").GetString()}/approve", new { reason = "病情需要" }))
            .ShouldBeOkAsync<JsonElement>();
        approved.GetProperty("status").GetString().Should().Be("approved");
    }

    [Fact]
    public async Task The_settlement_statement_explains_every_step_in_html_and_excel()
    {
        var claim = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "s-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString();

        var html = await _s.Window.GetStringAsync($"/api/claims/{number}/statement.html");
        html.Should().Contain("补偿结算单").And.Contain("减：起付线").And.Contain("3,080.00").And.Contain("2,420.00").And.Contain(Head.Name);

        var xlsx = await _s.CityHospital.GetAsync($"/api/claims/{number}/statement.xlsx");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var steps = workbook.Worksheet("计算过程");
        steps.RowsUsed().Should().Contain(r => r.Cell(1).GetString() == "基金支付（补偿金额）" && r.Cell(2).GetValue<decimal>() == 3080m);
        steps.Column(2).Style.NumberFormat.Format.Should().Be("#,##0.00");
        workbook.Worksheet("结算单").RowsUsed().Should().NotContain(r => r.Cell(2).GetString() == Head.IdNumber, "the facility's copy masks the ID");
    }
}
