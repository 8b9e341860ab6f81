using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using Hl7.Fhir.Model;
using static Cooperative.Api.Tests.Enrollment.Households;
using static Cooperative.Api.Tests.Fhir.FhirScenario;
using Task = System.Threading.Tasks.Task;

namespace Cooperative.Api.Tests.Fhir;

public sealed class FhirClaimTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await ClaimScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_facility_claim_is_settled_and_its_adjudication_equals_the_rest_settlement()
    {
        var response = await (await PostAsync(_s.CityHospital, "/fhir/Claim", InpatientClaim(Head), "f-1"))
            .ReadAsync<ClaimResponse>(HttpStatusCode.Created);

        response.Outcome.Should().Be(ClaimProcessingCodes.Complete);
        var rest = await (await _s.Admin.GetAsync($"/api/claims/{response.Id}")).ShouldBeOkAsync<JsonElement>();
        var settlement = rest.GetProperty("settlement");
        response.Total("submitted").Should().Be(rest.GetProperty("total").GetDecimal()).And.Be(5500m);
        response.Total("eligible").Should().Be(rest.GetProperty("eligible").GetDecimal());
        response.Total("deductible").Should().Be(settlement.GetProperty("deductibleApplied").GetDecimal()).And.Be(400m);
        response.Total("fund").Should().Be(rest.GetProperty("fundPays").GetDecimal()).And.Be(3080m);
        response.Total("catastrophic").Should().Be(rest.GetProperty("catastrophicPays").GetDecimal());
        response.Total("assistance").Should().Be(rest.GetProperty("assistancePays").GetDecimal());
        response.Total("patient").Should().Be(rest.GetProperty("patientPays").GetDecimal()).And.Be(2420m);
        response.Payment!.Amount!.Value.Should().Be(3080m);
        response.Patient.Display.Should().NotBe(Head.Name, "a facility sees the name masked");
        (await _s.BalanceAsync("2001", "H0001")).Should().Be(-3080m, "posted once: the fund owes the city hospital");
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task A_replay_with_the_same_key_returns_the_same_claim_response_and_the_claim_exists_once()
    {
        var first = await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "f-2");

        var replay = await (await PostAsync(_s.CityHospital, "/fhir/Claim", InpatientClaim(Head), "f-2"))
            .ReadAsync<ClaimResponse>();

        replay.Id.Should().Be(first.Id);
        replay.Total.Select(t => t.Amount.Value).Should().Equal(first.Total.Select(t => t.Amount.Value));
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);
        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(3080m, "paid once");
        (await _s.BalanceAsync("2001", "H0001")).Should().Be(-3080m, "posted once");
    }

    [Fact]
    public async Task Without_a_header_the_invoice_number_is_the_key_and_another_body_with_the_same_key_is_a_conflict()
    {
        var first = await SubmitAsync(_s.CityHospital, InpatientClaim(Head));
        var replay = await (await PostAsync(_s.CityHospital, "/fhir/Claim", InpatientClaim(Head))).ReadAsync<ClaimResponse>();
        replay.Id.Should().Be(first.Id);

        var other = await PostAsync(_s.CityHospital, "/fhir/Claim", InpatientClaim(Son));

        await other.ShouldBeOutcomeAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);
    }

    [Fact]
    public async Task A_second_claim_on_the_same_invoice_is_refused_as_the_rest_api_refuses_it()
    {
        await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "f-3");

        var again = await PostAsync(_s.CityHospital, "/fhir/Claim", InpatientClaim(Son), "f-4");

        await again.ShouldBeOutcomeAsync(HttpStatusCode.Conflict, "duplicate_invoice");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"resourceType\":\"Patient\"}")]
    [InlineData("{\"resourceType\":\"Claim\",\"status\":\"nonsense\",\"total\":\"many\"}")]
    public async Task A_malformed_claim_gets_an_operation_outcome_400(string body)
    {
        var response = await PostRawAsync(_s.CityHospital, "/fhir/Claim", body, "f-bad");

        await response.ShouldBeOutcomeAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task A_claim_missing_what_the_bill_needs_is_refused_field_by_field()
    {
        var claim = InpatientClaim(Head);
        claim.Diagnosis.Clear();
        claim.Item.Clear();

        var outcome = await (await PostAsync(_s.CityHospital, "/fhir/Claim", claim, "f-5"))
            .ShouldBeOutcomeAsync(HttpStatusCode.BadRequest, "validation_failed");

        outcome.Issue.SelectMany(i => i.Expression).Should().Contain(["Claim.diagnosis", "Claim.item"]);
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(0);
    }

    [Fact]
    public async Task The_explanation_of_benefit_is_the_facility_s_own_and_another_facility_cannot_read_it()
    {
        var response = await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "f-6");

        var own = await (await _s.CityHospital.GetAsync($"/fhir/ExplanationOfBenefit/{response.Id}"))
            .ReadAsync<ExplanationOfBenefit>();
        own.Item.Should().HaveCount(3);
        own.Total.Single(t => t.Category.Coding.Any(c => c.Code == "fund")).Amount.Value.Should().Be(3080m);
        var byPatient = $"/fhir/ExplanationOfBenefit?patient:identifier={Token(ResidentId, Head.IdNumber)}";
        var found = await (await _s.Admin.GetAsync(byPatient))
            .ReadAsync<Bundle>();
        found.Entry.Select(e => e.Resource!.Id).Should().Equal(response.Id);

        var tcm = await _s.App.FacilityClientAsync("H0002");
        await (await tcm.GetAsync($"/fhir/ExplanationOfBenefit/{response.Id}"))
            .ShouldBeOutcomeAsync(HttpStatusCode.NotFound, "claim_not_found");
        var none = await (await tcm.GetAsync(byPatient))
            .ReadAsync<Bundle>();
        none.Entry.Should().BeEmpty();
    }

    [Fact]
    public async Task The_monthly_settlement_is_the_facility_s_payment_reconciliation()
    {
        var claim = await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "f-7");
        _s.Clock.Now = FixedClock.At(2026, 12, 5).Now;
        var admin = await _s.App.ClientForAsync("admin");
        (await admin.PostAsync("/api/ledger/facility-settlements/2026-11", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var hospital = await _s.App.FacilityClientAsync("H0001");
        var bundle = await (await hospital.GetAsync("/fhir/PaymentReconciliation?facility=H0001&period=2026-11"))
            .ReadAsync<Bundle>();

        var payment = bundle.Entry.Select(e => e.Resource).OfType<PaymentReconciliation>().Single();
        payment.PaymentAmount!.Value.Should().Be(3080m);
        payment.PaymentDate.Should().Be("2026-12-05");
        payment.Detail.Should().ContainSingle(d => d.Request!.Identifier!.Value == claim.Id && d.Amount!.Value == 3080m);
        var read = await (await admin.GetAsync($"/fhir/PaymentReconciliation/{payment.Id}")).ReadAsync<PaymentReconciliation>();
        read.PaymentAmount!.Value.Should().Be(3080m);
        var tcm = await _s.App.FacilityClientAsync("H0002");
        await (await tcm.GetAsync($"/fhir/PaymentReconciliation/{payment.Id}"))
            .ShouldBeOutcomeAsync(HttpStatusCode.NotFound, "facility_statement_not_found");
    }
}
