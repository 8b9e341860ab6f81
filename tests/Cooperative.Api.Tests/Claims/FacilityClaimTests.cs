using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

public sealed class FacilityClaimTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_facility_bill_is_settled_at_once_and_the_fund_owes_the_facility()
    {
        var response = await SubmitAsync(_s.CityHospital, InpatientBill(Head), "k-1");

        var claim = await response.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        claim.GetProperty("status").GetString().Should().Be("settled");
        claim.GetProperty("fundPays").GetDecimal().Should().Be(3080m);
        claim.GetProperty("patientPays").GetDecimal().Should().Be(2420m);
        claim.GetProperty("policyVersion").GetInt32().Should().Be(1);
        claim.GetProperty("settlement").GetProperty("deductibleApplied").GetDecimal().Should().Be(400m);
        claim.GetProperty("idNumber").GetString().Should().NotBe(Head.IdNumber, "a facility sees the ID number masked");
        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(3080m);
        (await _s.BalanceAsync("5001.04")).Should().Be(3080m);
        (await _s.BalanceAsync("2001", "H0001")).Should().Be(-3080m, "a credit: the fund owes the city hospital");
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task The_same_key_and_body_return_the_same_claim_and_another_body_is_a_conflict()
    {
        var first = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "k-2")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var replay = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "k-2")).ShouldBeOkAsync<JsonElement>();
        replay.GetProperty("number").GetString().Should().Be(first.GetProperty("number").GetString());

        var other = await SubmitAsync(_s.CityHospital, InpatientBill(Head, invoice: "FP-9"), "k-2");
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);
        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(3080m, "paid once");
    }

    [Fact]
    public async Task A_submission_without_an_idempotency_key_is_refused()
    {
        var response = await _s.CityHospital.PostAsync("/api/claims", System.Net.Http.Json.JsonContent.Create(InpatientBill(Head)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
    }

    [Fact]
    public async Task The_same_invoice_twice_is_a_duplicate()
    {
        (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "k-3")).StatusCode.Should().Be(HttpStatusCode.Created);

        var again = await SubmitAsync(_s.CityHospital, InpatientBill(Son), "k-4");

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_invoice");
    }

    [Theory]
    [InlineData("2026-08-01", "2026-08-10", "claim_deadline_passed")]
    [InlineData("2026-11-16", "2026-11-15", "dates_inconsistent")]
    [InlineData("2026-11-10", "2026-11-25", "dates_inconsistent")]
    public async Task Late_or_impossible_dates_are_refused_with_their_code(string admitted, string discharged, string code)
    {
        var response = await SubmitAsync(_s.CityHospital, InpatientBill(Head, admitted: admitted, discharged: discharged), $"k-{code}-{admitted}");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task Amounts_that_do_not_add_up_and_unknown_codes_are_refused()
    {
        var wrongAmount = new
        {
            idNumber = Head.IdNumber, patientName = Head.Name, visitType = "outpatient", admissionDate = "2026-11-18", dischargeDate = "2026-11-18", diagnosisCode = "J06.9",
            referred = false, invoiceNumber = "MZ-1", lines = new[] { new { code = "D0001", quantity = 3m, unitPrice = 12.5m, amount = 40m } },
        };
        await (await SubmitAsync(_s.CityHospital, wrongAmount, "k-5")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "amounts_inconsistent");

        var unknown = new
        {
            idNumber = Head.IdNumber, patientName = Head.Name, visitType = "outpatient", admissionDate = "2026-11-18", dischargeDate = "2026-11-18", diagnosisCode = "J06.9",
            referred = false, invoiceNumber = "MZ-2", lines = new[] { new { code = "ZZ999", quantity = 1m, unitPrice = 10m, amount = 10m } },
        };
        await (await SubmitAsync(_s.CityHospital, unknown, "k-6")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "catalogue_code_unknown");
    }

    [Fact]
    public async Task A_person_not_enrolled_this_year_is_refused()
    {
        var stranger = new Enrollment.Member(Id("19800808", 77), "赵六", "户主");
        await RegisterAsync(_s.Window, "3301991010010077", [stranger]);

        var response = await SubmitAsync(_s.CityHospital, InpatientBill(stranger), "k-7");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_enrolled");
    }

    [Fact]
    public async Task A_suspended_facility_cannot_submit_even_with_a_token_issued_before()
    {
        var tcm = await _s.App.FacilityClientAsync("H0002");
        (await tcm.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the token is good, and its account's state is cached for a few seconds");
        var suspend = await _s.Admin.PostAsync("/api/facilities/H0002/status",
            System.Net.Http.Json.JsonContent.Create(new { status = "suspended", reason = "违规收费，暂停定点资格" }));
        suspend.IsSuccessStatusCode.Should().BeTrue(await suspend.Content.ReadAsStringAsync());

        var response = await SubmitAsync(tcm, InpatientBill(Head), "k-8");

        // Within the cache's few seconds the eligibility rule refuses the claim; after them the token itself is refused.
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        else
            await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "facility_suspended");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(0);
    }

    [Fact]
    public async Task A_facility_sees_only_its_own_claims_and_window_staff_cannot_submit_as_a_facility()
    {
        var claim = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head), "k-9")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString();

        var tcm = await _s.App.FacilityClientAsync("H0002");
        await (await tcm.GetAsync($"/api/claims/{number}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "claim_not_found");
        (await (await tcm.GetAsync("/api/claims")).ShouldBeOkAsync<JsonElement>()).GetProperty("total").GetInt32().Should().Be(0);
        var staffView = await (await _s.Window.GetAsync($"/api/claims/{number}")).ShouldBeOkAsync<JsonElement>();
        staffView.GetProperty("idNumber").GetString().Should().Be(Head.IdNumber, "staff see the full ID number");

        (await SubmitAsync(_s.Window, InpatientBill(Head, invoice: "X"), "k-10")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SubmitAsync(await _s.App.ClientForAsync("auditor"), InpatientBill(Head, invoice: "Y"), "k-11", "/api/claims/window"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
