using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Claims.OneBillOneClaimTests;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

/// <summary>A claim moves only as its transition table allows, and money paid out on a claim later undone is recovered.</summary>
public sealed class ClaimLifecycleTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        _s = await StartAsync();
        _reviewer = await _s.App.ClientForAsync("reviewer");
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>
    /// A stay of its own for every invoice, never within 15 days of the same patient's other stay (a readmission is
    /// held for review): L-1 the son on 1 October, L-2 the father on 1 October, L-3 the son on 20 October...
    /// </summary>
    private static object Paper(string invoice, params string[] documents)
    {
        var n = int.Parse(invoice[2..], System.Globalization.CultureInfo.InvariantCulture);
        var patient = n % 2 == 1 ? Son : Head;
        var admitted = new DateOnly(2026, 10, 1).AddDays((n - 1) / 2 % 2 * 19);
        return new
        {
            idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient",
            admissionDate = admitted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dischargeDate = admitted.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            diagnosisCode = "S82.2", referred = false, invoiceNumber = invoice, facilityName = "省人民医院", facilityLevel = "outside_county",
            lines = new[] { new { amount = 9000m, status = "covered", code = (string?)null } },
            providedDocuments = documents,
        };
    }

    private static readonly string[] AllDocuments = ["id_card", "invoices", "itemized_list", "discharge_summary"];

    private async Task<string> WindowClaimAsync(string invoice, params string[] documents) =>
        (await (await SubmitAsync(_s.Window, Paper(invoice, documents), "k-" + invoice, "/api/claims/window"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("number").GetString()!;

    private static Task<HttpResponseMessage> Act(HttpClient client, string number, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/claims/{number}/{action}", body ?? new { reason = "测试" });

    private static async Task Refused(Task<HttpResponseMessage> response, string code = "claim_wrong_state") =>
        await (await response).ShouldBeProblemAsync(HttpStatusCode.Conflict, code);

    [Fact]
    public async Task Every_move_the_table_does_not_allow_is_refused_as_the_wrong_state()
    {
        var admin = _s.Admin;
        var pending = await WindowClaimAsync("L-1", "id_card");
        await Refused(Act(_reviewer, pending, "approve"));
        await Refused(Act(_s.Window, pending, "pay", new { method = "cash" }));
        await Refused(Act(admin, pending, "reverse"));

        var settled = await WindowClaimAsync("L-2", AllDocuments);
        await Refused(Act(_s.Window, settled, "documents", new { providedDocuments = new[] { "id_card" } }));
        await Refused(Act(_s.Window, settled, "refund", new { method = "cash" }), "nothing_to_recover");
        (await Act(_s.Window, settled, "pay", new { method = "cash" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await Refused(Act(_s.Window, settled, "pay", new { method = "cash" }));
        await Refused(Act(_reviewer, settled, "approve"));

        var rejected = await WindowClaimAsync("L-3", "id_card");
        (await Act(_reviewer, rejected, "reject")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Refused(Act(_reviewer, rejected, "reject"));
        await Refused(Act(_reviewer, rejected, "approve"));
        await Refused(Act(admin, rejected, "reverse"));
        await Refused(Act(_s.Window, rejected, "documents", new { providedDocuments = AllDocuments }));

        var reversed = await WindowClaimAsync("L-4", AllDocuments);
        (await Act(admin, reversed, "reverse")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Refused(Act(admin, reversed, "reverse"));
        await Refused(Act(_s.Window, reversed, "pay", new { method = "cash" }));
        await Refused(Act(_reviewer, reversed, "reject"));
        await Refused(Act(_reviewer, reversed, "approve"));

        var direct = (await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "h-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("number").GetString()!;
        await Refused(Act(_s.Window, direct, "pay", new { method = "cash" }));
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task Two_windows_paying_one_claim_at_once_pay_it_once()
    {
        var number = await WindowClaimAsync("L-9", AllDocuments);
        var windows = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _s.App.ClientForAsync("window")));

        var answers = await Task.WhenAll(windows.Select(w => Act(w, number, "pay", new { method = "cash" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1,
            string.Join("; ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}"))));
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(5,
            string.Join("; ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}"))));
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'claim-payment'")).Should().Be(1);
        (await _s.BalanceAsync("2002")).Should().Be(0m);
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task A_paid_window_claim_rejected_is_owed_back_by_the_resident_until_he_refunds()
    {
        var number = await WindowClaimAsync("R-1", AllDocuments);
        (await Act(_s.Window, number, "pay", new { method = "cash" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _s.BalanceAsync("1001")).Should().Be(OpeningBank + 300m - 3600m);

        var rejected = await (await Act(_reviewer, number, "reject", new { reason = "伪造发票" })).ShouldBeOkAsync<JsonElement>();

        rejected.GetProperty("status").GetString().Should().Be("reversed");
        var recovery = rejected.GetProperty("recovery");
        recovery.GetProperty("kind").GetString().Should().Be("resident_refund");
        recovery.GetProperty("amount").GetDecimal().Should().Be(3600m);
        recovery.GetProperty("recovered").GetBoolean().Should().BeFalse();
        (await _s.BalanceAsync("2002")).Should().Be(0m, "the payable was cleared by the payment, not left with a debit");
        (await _s.BalanceAsync("1103")).Should().Be(3600m, "what the resident owes back");
        (await _s.BalanceAsync("5001.05")).Should().Be(0m);
        (await _s.App.Database!.ScalarAsync<decimal>(
                $"SELECT CAST(COALESCE(JSON_VALUE(e.UsageJson, '$.inpatient'), '0') AS DECIMAL(18,2)) FROM enrollments e JOIN persons p ON p.Id = e.PersonId WHERE p.IdNumber = '{Son.IdNumber}'"))
            .Should().Be(0m);
        (await _s.Window.GetStringAsync($"/api/claims/{number}/statement.html")).Should().Contain("追回款项").And.Contain("3600.00");
        await _s.InvariantHoldsAsync();

        var refunded = await (await Act(_s.Window, number, "refund", new { method = "cash" })).ShouldBeOkAsync<JsonElement>();
        refunded.GetProperty("recovery").GetProperty("recovered").GetBoolean().Should().BeTrue();
        (await _s.BalanceAsync("1103")).Should().Be(0m);
        (await _s.BalanceAsync("1001")).Should().Be(OpeningBank + 300m);
        await Refused(Act(_s.Window, number, "refund", new { method = "cash" }), "nothing_to_recover");
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task A_facility_claim_paid_then_rejected_is_deducted_from_the_next_monthly_settlement()
    {
        var rejectedLater = await NumberOf(SubmitAsync(_s.CityHospital, InpatientBill(Head, "M-1"), "h-1"));
        var paid = await NumberOf(SubmitAsync(_s.CityHospital, InpatientBill(Son, "M-2"), "h-2"));
        // The son in a bed at the TCM hospital at the same time: held for a reviewer, so not paid with November.
        var tcm = await _s.App.FacilityClientAsync("H0002");
        var overlap = await (await SubmitAsync(tcm, Bill(Son, "M-3", admitted: "2026-11-12", discharged: "2026-11-14"), "t-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        overlap.GetProperty("status").GetString().Should().Be("under_review");
        var heldAmount = overlap.GetProperty("fundPays").GetDecimal();
        heldAmount.Should().BeGreaterThan(0);

        _s.Clock.Now = FixedClock.At(2026, 12, 5).Now;
        var admin = await _s.App.ClientForAsync("admin");
        var november = await (await admin.PostAsync("/api/ledger/facility-settlements/2026-11", null)).ShouldBeOkAsync<JsonElement>();
        var city = Payment(november, "H0001");
        city.GetProperty("paid").GetDecimal().Should().Be(3080m * 2);
        city.GetProperty("claimsPaid").GetInt32().Should().Be(2);
        Payment(november, "H0002").GetProperty("held").GetDecimal().Should().Be(heldAmount);
        Payment(november, "H0002").GetProperty("paid").GetDecimal().Should().Be(0m, "its only claim waits for a reviewer");
        (await StatusOf(admin, paid)).Should().Be("paid");

        var reviewer = await _s.App.ClientForAsync("reviewer");
        var rejected = await (await Act(reviewer, rejectedLater, "reject", new { reason = "挂床住院" })).ShouldBeOkAsync<JsonElement>();
        rejected.GetProperty("status").GetString().Should().Be("reversed");
        rejected.GetProperty("recovery").GetProperty("kind").GetString().Should().Be("facility_deduction");
        rejected.GetProperty("recovery").GetProperty("recovered").GetBoolean().Should().BeFalse();
        (await Act(reviewer, overlap.GetProperty("number").GetString()!, "approve")).StatusCode.Should().Be(HttpStatusCode.OK);

        // December: a large stay at the city hospital; its payment is net of the 3,080 owed back.
        var hospital = await _s.App.FacilityClientAsync("H0001");
        var big = await (await SubmitAsync(hospital, BigBill(Wife, "M-4", "2026-11-28", "2026-12-03"), "h-4")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        _s.Clock.Now = FixedClock.At(2027, 1, 5).Now;
        admin = await _s.App.ClientForAsync("admin");
        var december = await (await admin.PostAsync("/api/ledger/facility-settlements/2026-12", null)).ShouldBeOkAsync<JsonElement>();
        Payment(december, "H0001").GetProperty("paid").GetDecimal().Should().Be(big.GetProperty("fundPays").GetDecimal() - 3080m);
        Payment(december, "H0001").GetProperty("deducted").GetDecimal().Should().Be(3080m);
        Payment(december, "H0002").GetProperty("paid").GetDecimal().Should().Be(heldAmount, "approved, so paid with December");
        var recovered = await (await admin.GetAsync($"/api/claims/{rejectedLater}")).ShouldBeOkAsync<JsonElement>();
        recovered.GetProperty("recovery").GetProperty("recovered").GetBoolean().Should().BeTrue();
        (await StatusOf(admin, overlap.GetProperty("number").GetString()!)).Should().Be("paid");
        var invariant = await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        invariant.GetProperty("holds").GetBoolean().Should().BeTrue();
    }

    private static async Task<string> NumberOf(Task<HttpResponseMessage> response) =>
        (await (await response).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("number").GetString()!;

    private static async Task<string> StatusOf(HttpClient client, string number) =>
        (await (await client.GetAsync($"/api/claims/{number}")).ShouldBeOkAsync<JsonElement>()).GetProperty("status").GetString()!;

    private static JsonElement Payment(JsonElement payments, string facility) =>
        payments.EnumerateArray().Single(p => p.GetProperty("facilityCode").GetString() == facility);
}
