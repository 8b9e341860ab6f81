using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Benefits;

/// <summary>
/// What the county advances for catastrophic insurance (1104) and medical assistance (1105) at the window, the monthly
/// statement it sends each payer, and the payer's money coming back. Under <see cref="BenefitPolicy"/>, for the wife
/// (低保), by hand:
/// <list type="bullet">
/// <item>Claim A, paper claim at the window, 省人民医院 outside the county without referral, 60,000 covered, 1–10 October:
/// basic fund (10,000 − 1,000) × 45 % = 4,050 + (60,000 − 10,000) × 55 % = 27,500 → 31,550; left 28,450;
/// catastrophic (28,450 − 10,000) × 50 % = 9,225; left 19,225; assistance 19,225 × 50 % = 9,612.50 (cap 10,000).</item>
/// <item>Claim B after A, the city hospital (county level), 60,000 surgery (covered), 1–12 November:
/// basic fund (5,000 − 400) × 70 % = 3,220 + (60,000 − 5,000) × 80 % = 44,000 → 47,220; left 12,780, all above the
/// threshold already passed: catastrophic 12,780 × 50 % = 6,390 (accumulated 41,230, within the 50 % band); left 6,390;
/// assistance 6,390 × 50 % = 3,195, but only 10,000 − 9,612.50 = 387.50 of the cap is left.</item>
/// <item>So November: catastrophic 9,225 + 6,390 = 15,615; assistance 9,612.50 + 387.50 = 10,000.</item>
/// </list>
/// </summary>
public sealed class PayerStatementTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    /// <summary>The administrator's client, taken again whenever the clock moves (tokens follow the clock).</summary>
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _s = await BenefitPolicy.ScenarioAsync();
        _admin = _s.Admin;
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static readonly string[] AllDocuments = ["id_card", "invoices", "itemized_list", "discharge_summary"];

    private static object ClaimA() => new
    {
        idNumber = Wife.IdNumber, patientName = Wife.Name, visitType = "inpatient", admissionDate = "2026-10-01", dischargeDate = "2026-10-10",
        diagnosisCode = "C34.9", referred = false, invoiceNumber = "SRM-60000", facilityName = "省人民医院", facilityLevel = "outside_county",
        lines = new[] { new { amount = 60000m, status = "covered", code = (string?)null } },
        providedDocuments = AllDocuments,
    };

    private static object ClaimB() => new
    {
        idNumber = Wife.IdNumber, patientName = Wife.Name, visitType = "inpatient", admissionDate = "2026-11-01", dischargeDate = "2026-11-12",
        diagnosisCode = "C34.9", referred = true, invoiceNumber = "CH-60000",
        lines = new object[] { new { code = "S0014", name = "手术", amount = 60000m } },
    };

    private async Task<JsonElement> SubmitAAsync() =>
        await (await SubmitAsync(_s.Window, ClaimA(), "claim-a", "/api/claims/window")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

    private async Task<JsonElement> SubmitBAsync() =>
        await (await SubmitAsync(_s.CityHospital, ClaimB(), "claim-b")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

    private static async Task<JsonElement> StatementAsync(HttpClient client, string payer, string period) =>
        await (await client.GetAsync($"/api/payers/{payer}/statements/{period}")).ShouldBeOkAsync<JsonElement>();

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, string payer, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payers/{payer}/payments") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task RefusedAsync(object body, string? key, HttpStatusCode status, string code, string payer = "catastrophic") =>
        await (await PayAsync(_admin, payer, body, key)).ShouldBeProblemAsync(status, code);

    private static object Payment(decimal amount, string receivedOn = "2026-12-04", string reference = "BOC-20261204-001",
        string period = "2026-11") => new { period, amount, receivedOn, reference };

    private static JsonElement LineOf(JsonElement statement, string claim, string kind = "settlement") =>
        statement.GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("claimNumber").GetString() == claim && l.GetProperty("kind").GetString() == kind);

    private static string Number(JsonElement claim) => claim.GetProperty("number").GetString()!;

    /// <summary>4 digits, stars, 4 digits: what the payer is shown of an ID number.</summary>
    private static string Masked(string id) => id[..4] + new string('*', id.Length - 8) + id[^4..];

    /// <summary>As <see cref="ClaimScenario.InvariantHoldsAsync"/>, with the administrator's token of the current clock.</summary>
    private async Task InvariantHoldsAsync()
    {
        var report = await (await _admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        report.GetProperty("holds").GetBoolean().Should().BeTrue(report.ToString());
    }

    private async Task MoveToAsync(int year, int month, int day)
    {
        _s.Clock.Now = FixedClock.At(year, month, day).Now;
        _admin = await _s.App.ClientForAsync("admin");
    }

    [Fact]
    public async Task The_statement_lists_each_claim_advanced_in_the_month_and_its_total_is_the_receivables_movement()
    {
        var a = await SubmitAAsync();
        a.GetProperty("fundPays").GetDecimal().Should().Be(31550m);
        a.GetProperty("catastrophicPays").GetDecimal().Should().Be(9225m);
        a.GetProperty("assistancePays").GetDecimal().Should().Be(9612.50m);
        var b = await SubmitBAsync();
        b.GetProperty("fundPays").GetDecimal().Should().Be(47220m);
        b.GetProperty("catastrophicPays").GetDecimal().Should().Be(6390m);
        b.GetProperty("assistancePays").GetDecimal().Should().Be(387.50m, "only 387.50 of the 10,000 assistance cap was left");

        var response = await _admin.GetAsync("/api/payers/catastrophic/statements/2026-11");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(Wife.IdNumber, "the payer sees the masked ID only");
        var statement = await response.ShouldBeOkAsync<JsonElement>();
        statement.GetProperty("payerName").GetString().Should().Be("人保财险杭城支公司");
        statement.GetProperty("period").GetString().Should().Be("2026-11");
        statement.GetProperty("accountCode").GetString().Should().Be("1104");
        statement.GetProperty("lines").GetArrayLength().Should().Be(2);
        var lineA = LineOf(statement, Number(a));
        lineA.GetProperty("patientName").GetString().Should().Be(Wife.Name, "the payer is entitled to the full name");
        lineA.GetProperty("maskedIdNumber").GetString().Should().Be(Masked(Wife.IdNumber));
        lineA.GetProperty("facilityName").GetString().Should().Be("省人民医院");
        lineA.GetProperty("benefitText").GetString().Should().Be("住院");
        lineA.GetProperty("settledOn").GetString().Should().Be("2026-11-20");
        lineA.GetProperty("total").GetDecimal().Should().Be(60000m);
        lineA.GetProperty("eligible").GetDecimal().Should().Be(60000m);
        lineA.GetProperty("basicFundPaid").GetDecimal().Should().Be(31550m);
        lineA.GetProperty("amount").GetDecimal().Should().Be(9225m);
        var lineB = LineOf(statement, Number(b));
        lineB.GetProperty("facilityCode").GetString().Should().Be("H0001");
        lineB.GetProperty("basicFundPaid").GetDecimal().Should().Be(47220m);
        lineB.GetProperty("amount").GetDecimal().Should().Be(6390m);
        statement.GetProperty("total").GetDecimal().Should().Be(15615m, "9,225 + 6,390");
        statement.GetProperty("openingBalance").GetDecimal().Should().Be(0m);
        statement.GetProperty("closingBalance").GetDecimal().Should().Be(15615m);
        (await _s.BalanceAsync("1104")).Should().Be(statement.GetProperty("total").GetDecimal(), "the month's total is the receivable's movement");
        statement.GetProperty("payments").GetArrayLength().Should().Be(0);
        statement.GetProperty("outstanding").GetDecimal().Should().Be(15615m);

        var assistance = await StatementAsync(_admin, "assistance", "2026-11");
        assistance.GetProperty("payerName").GetString().Should().Be("杭城市民政局");
        LineOf(assistance, Number(a)).GetProperty("amount").GetDecimal().Should().Be(9612.50m);
        LineOf(assistance, Number(b)).GetProperty("amount").GetDecimal().Should().Be(387.50m);
        assistance.GetProperty("total").GetDecimal().Should().Be(10000m, "9,612.50 + 387.50");
        (await _s.BalanceAsync("1105")).Should().Be(10000m);

        var october = await StatementAsync(_admin, "catastrophic", "2026-10");
        october.GetProperty("lines").GetArrayLength().Should().Be(0, "claim A was treated in October but settled, and posted, in November");
        await InvariantHoldsAsync();
    }

    [Fact]
    public async Task The_workbook_has_the_summary_the_claims_and_the_payments_each_on_its_sheet()
    {
        var a = await SubmitAAsync();
        var b = await SubmitBAsync();

        var response = await _admin.GetAsync("/api/payers/catastrophic/statements/2026-11.xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("大病保险-2026-11.xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        workbook.Worksheets.Select(w => w.Name).Should().Equal("对账汇总", "结算明细", "其他变动", "回款记录");

        var claims = workbook.Worksheet("结算明细");
        claims.Cell(1, 1).GetString().Should().Be("报销单号");
        claims.Cell(1, 13).GetString().Should().Be("大病保险支付");
        var rowA = claims.RowsUsed().Single(r => r.Cell(1).GetString() == Number(a));
        rowA.Cell(6).GetString().Should().Be(Wife.Name);
        rowA.Cell(7).GetString().Should().Be(Masked(Wife.IdNumber));
        rowA.Cell(12).GetValue<decimal>().Should().Be(31550m);
        rowA.Cell(13).GetValue<decimal>().Should().Be(9225m);
        claims.RowsUsed().Single(r => r.Cell(1).GetString() == Number(b)).Cell(13).GetValue<decimal>().Should().Be(6390m);
        claims.RowsUsed().Single(r => r.Cell(1).GetString() == "合计").Cell(13).GetValue<decimal>().Should().Be(15615m);

        var summary = workbook.Worksheet("对账汇总");
        summary.Cell(1, 1).GetString().Should().Be("大病保险对账单 2026-11（人保财险杭城支公司）");
        summary.RowsUsed().Single(r => r.Cell(1).GetString() == "期末余额").Cell(2).GetValue<decimal>().Should().Be(15615m);
        workbook.Worksheets.SelectMany(w => w.CellsUsed()).Should().NotContain(c => c.GetString() == Wife.IdNumber);

        var assistance = await _s.Admin.GetAsync("/api/payers/assistance/statements/2026-11.xlsx");
        assistance.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("医疗救助-2026-11.xlsx");
    }

    /// <summary>
    /// A is settled and reversed in November (+9,225, −9,225); B then settles as the year's first stay over the threshold:
    /// 60,000 − 47,220 = 12,780 left, catastrophic (12,780 − 10,000) × 50 % = 1,390. B is reversed in December.
    /// </summary>
    [Fact]
    public async Task A_reversal_appears_negative_in_the_month_it_is_posted()
    {
        var a = await SubmitAAsync();
        (await _s.Admin.PostAsJsonAsync($"/api/claims/{Number(a)}/reverse", new { reason = "发票重复，撤销结算" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var b = await SubmitBAsync();
        b.GetProperty("catastrophicPays").GetDecimal().Should().Be(1390m, "A's usage was given back by its reversal");

        var november = await StatementAsync(_admin, "catastrophic", "2026-11");
        november.GetProperty("lines").GetArrayLength().Should().Be(3);
        var reversed = LineOf(november, Number(a), "reversal");
        reversed.GetProperty("kindText").GetString().Should().Be("冲销");
        reversed.GetProperty("amount").GetDecimal().Should().Be(-9225m);
        reversed.GetProperty("total").GetDecimal().Should().Be(-60000m, "the reversal's line takes the claim's amounts back");
        reversed.GetProperty("basicFundPaid").GetDecimal().Should().Be(-31550m);
        LineOf(november, Number(a)).GetProperty("amount").GetDecimal().Should().Be(9225m);
        november.GetProperty("total").GetDecimal().Should().Be(1390m, "9,225 − 9,225 + 1,390");
        november.GetProperty("closingBalance").GetDecimal().Should().Be(1390m);
        (await _s.BalanceAsync("1104")).Should().Be(1390m);

        await MoveToAsync(2026, 12, 3);
        (await _admin.PostAsJsonAsync($"/api/claims/{Number(b)}/reverse", new { reason = "挂床住院" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var december = await StatementAsync(_admin, "catastrophic", "2026-12");
        december.GetProperty("openingBalance").GetDecimal().Should().Be(1390m);
        var line = december.GetProperty("lines").EnumerateArray().Single();
        line.GetProperty("claimNumber").GetString().Should().Be(Number(b));
        line.GetProperty("kind").GetString().Should().Be("reversal");
        line.GetProperty("postedOn").GetString().Should().Be("2026-12-03");
        line.GetProperty("settledOn").GetString().Should().Be("2026-11-20");
        line.GetProperty("amount").GetDecimal().Should().Be(-1390m);
        december.GetProperty("total").GetDecimal().Should().Be(-1390m);
        december.GetProperty("closingBalance").GetDecimal().Should().Be(0m);
        (await _s.BalanceAsync("1104")).Should().Be(0m);
        await InvariantHoldsAsync();
    }

    [Fact]
    public async Task The_payers_payment_clears_the_receivable_once_and_a_retry_replays_it()
    {
        await SubmitAAsync();
        await SubmitBAsync();
        await RefusedAsync(Payment(15615m, "2026-11-20"), "early", HttpStatusCode.UnprocessableEntity, "payer_period_not_ended");

        await MoveToAsync(2026, 12, 5);
        await RefusedAsync(Payment(15615m), null, HttpStatusCode.BadRequest, "idempotency_key_required");
        await RefusedAsync(new { period = "2026-11", receivedOn = "2026-12-04" }, "k-0", HttpStatusCode.BadRequest, "validation_failed");
        await RefusedAsync(Payment(0m), "k-1", HttpStatusCode.UnprocessableEntity, "payer_payment_amount_invalid");
        await RefusedAsync(Payment(-5m), "k-2", HttpStatusCode.UnprocessableEntity, "payer_payment_amount_invalid");
        await RefusedAsync(Payment(100.005m), "k-3", HttpStatusCode.UnprocessableEntity, "payer_payment_amount_invalid");
        await RefusedAsync(Payment(15615m, "2026-12-06"), "k-4", HttpStatusCode.UnprocessableEntity, "payer_payment_in_future");
        await RefusedAsync(Payment(15615m, "2026-11-30"), "k-5", HttpStatusCode.UnprocessableEntity, "payer_payment_before_period_end");
        await RefusedAsync(Payment(15615.01m), "k-6", HttpStatusCode.UnprocessableEntity, "payer_payment_exceeds_receivable");
        await RefusedAsync(Payment(100m, period: "2026-12"), "k-7", HttpStatusCode.UnprocessableEntity, "payer_period_not_ended");

        var bank = await _s.BalanceAsync("1001");
        var first = await (await PayAsync(_admin, "catastrophic", Payment(15615m), "pay-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        first.GetProperty("sourceType").GetString().Should().Be("payer-payment");
        first.GetProperty("sourceId").GetString().Should().Be("catastrophic:2026-11");
        first.GetProperty("date").GetString().Should().Be("2026-12-04");
        first.GetProperty("description").GetString().Should().Contain("BOC-20261204-001").And.Contain("人保财险杭城支公司");
        var lines = first.GetProperty("lines").EnumerateArray().ToList();
        lines.Should().Contain(l => l.GetProperty("accountCode").GetString() == "1001" && l.GetProperty("debit").GetDecimal() == 15615m);
        lines.Should().Contain(l => l.GetProperty("accountCode").GetString() == "1104" && l.GetProperty("credit").GetDecimal() == 15615m);
        (await _s.BalanceAsync("1104")).Should().Be(0m, "the payer paid the month's 15,615 in full");
        (await _s.BalanceAsync("1001")).Should().Be(bank + 15615m);

        var replay = await (await PayAsync(_admin, "catastrophic", Payment(15615m), "pay-1")).ShouldBeOkAsync<JsonElement>();
        replay.GetProperty("number").GetString().Should().Be(first.GetProperty("number").GetString());
        await RefusedAsync(Payment(15615m, reference: "BOC-OTHER"), "pay-1", HttpStatusCode.Conflict, "idempotency_key_reused");
        await RefusedAsync(Payment(1m), "pay-2", HttpStatusCode.Conflict, "payer_payment_recorded");
        (await _s.BalanceAsync("1001")).Should().Be(bank + 15615m, "a retry and a second payment moved nothing");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'payer-payment'")).Should().Be(1);

        var audit = await (await _admin.GetAsync($"/api/audit/records?entityType=JournalEntry&entityId={first.GetProperty("id").GetString()}"))
            .ShouldBeOkAsync<JsonElement>();
        audit.GetProperty("items").EnumerateArray().Should().Contain(r => r.GetProperty("actor").GetString() == "admin");

        var november = await StatementAsync(_admin, "catastrophic", "2026-11");
        november.GetProperty("payments").EnumerateArray().Single().GetProperty("amount").GetDecimal().Should().Be(15615m);
        november.GetProperty("paid").GetDecimal().Should().Be(15615m);
        november.GetProperty("outstanding").GetDecimal().Should().Be(0m);
        november.GetProperty("closingBalance").GetDecimal().Should().Be(15615m, "the money arrived in December");
        var december = await StatementAsync(_admin, "catastrophic", "2026-12");
        december.GetProperty("openingBalance").GetDecimal().Should().Be(15615m);
        december.GetProperty("otherMovements").EnumerateArray().Single().GetProperty("amount").GetDecimal().Should().Be(-15615m);
        december.GetProperty("closingBalance").GetDecimal().Should().Be(0m);

        // Assistance: a cent more than the 10,000 owed is refused; two clerks recording the same month at once get one entry.
        await RefusedAsync(Payment(10000.01m), "as-0", HttpStatusCode.UnprocessableEntity, "payer_payment_exceeds_receivable", "assistance");
        var racing = await Task.WhenAll(PayAsync(_admin, "assistance", Payment(10000m, reference: "MZ-1"), "as-1"),
            PayAsync(_admin, "assistance", Payment(10000m, reference: "MZ-2"), "as-2"));
        racing.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        await racing.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payer_payment_recorded");
        (await _s.BalanceAsync("1105")).Should().Be(0m);
        (await _s.BalanceAsync("1001")).Should().Be(bank + 15615m + 10000m);
        await InvariantHoldsAsync();
    }

    [Fact]
    public async Task A_payment_dated_in_a_closed_month_is_refused_by_the_ledger()
    {
        await SubmitAAsync();
        await MoveToAsync(2027, 1, 5);
        for (var month = 1; month <= 12; month++)
            (await _admin.PostAsync($"/api/ledger/periods/2026-{month:00}/close", null)).StatusCode
                .Should().Be(HttpStatusCode.OK, $"2026-{month:00}");

        await RefusedAsync(Payment(9225m, "2026-12-28"), "closed", HttpStatusCode.Conflict, "ledger_period_closed");
        var statement = await StatementAsync(_admin, "catastrophic", "2026-11");
        statement.GetProperty("closingBalance").GetDecimal().Should().Be(9225m, "read from the closed month's snapshot");
        statement.GetProperty("total").GetDecimal().Should().Be(9225m);
        (await PayAsync(_admin, "catastrophic", Payment(9225m, "2027-01-04"), "open")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _s.BalanceAsync("1104")).Should().Be(0m);
        await InvariantHoldsAsync();
    }

    [Fact]
    public async Task Auditors_read_statements_but_cannot_pay_and_others_are_refused()
    {
        await SubmitAAsync();
        var auditor = await _s.App.ClientForAsync("auditor");
        (await StatementAsync(auditor, "catastrophic", "2026-11")).GetProperty("total").GetDecimal().Should().Be(9225m);
        (await auditor.GetAsync("/api/payers/assistance/statements/2026-11.xlsx")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PayAsync(auditor, "catastrophic", Payment(100m), "aud")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await _s.CityHospital.GetAsync("/api/payers/catastrophic/statements/2026-11")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _s.CityHospital.GetAsync("/api/payers/catastrophic/statements/2026-11.xlsx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PayAsync(_s.CityHospital, "catastrophic", Payment(100m), "fac")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _s.Window.GetAsync("/api/payers/catastrophic/statements/2026-11")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PayAsync(_s.Window, "catastrophic", Payment(100m), "win")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _s.App.NewClient().GetAsync("/api/payers/catastrophic/statements/2026-11"))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await (await _s.Admin.GetAsync("/api/payers/insurer/statements/2026-11")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "payer_not_found");
        await (await _s.Admin.GetAsync("/api/payers/0/statements/2026-11")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "payer_not_found");
        await (await _s.Admin.GetAsync("/api/payers/catastrophic/statements/2026-13"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "period_invalid");
        await (await PayAsync(_s.Admin, "nobody", Payment(100m), "x")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "payer_not_found");
    }
}
