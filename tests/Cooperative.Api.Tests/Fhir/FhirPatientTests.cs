using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using Hl7.Fhir.Model;
using static Cooperative.Api.Tests.Enrollment.Households;
using static Cooperative.Api.Tests.Fhir.FhirScenario;
using Task = System.Threading.Tasks.Task;

namespace Cooperative.Api.Tests.Fhir;

public sealed class FhirPatientTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await ClaimScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_capability_statement_is_valid_and_served_without_a_token()
    {
        var metadata = await (await _s.App.CreateClient().GetAsync("/fhir/metadata")).ReadAsync<CapabilityStatement>();

        metadata.FhirVersion.Should().Be(FHIRVersion.N4_0_1);
        metadata.Rest.Single().Resource.Select(r => r.Type).Should().BeEquivalentTo(
            "Patient", "Coverage", "CoverageEligibilityRequest", "CoverageEligibilityResponse", "Claim", "ClaimResponse",
            "ExplanationOfBenefit", "PaymentReconciliation");
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401_operation_outcome()
    {
        var anonymous = _s.App.CreateClient();

        await (await anonymous.GetAsync($"/fhir/Patient?identifier={Head.IdNumber}"))
            .ShouldBeOutcomeAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await PostAsync(anonymous, "/fhir/Claim", InpatientClaim(Head), "a-1"))
            .ShouldBeOutcomeAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Staff_cannot_submit_a_facility_s_claim_and_unknown_paths_are_operation_outcomes()
    {
        await (await PostAsync(_s.Window, "/fhir/Claim", InpatientClaim(Head), "w-1"))
            .ShouldBeOutcomeAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _s.Admin.GetAsync("/fhir/Practitioner/1")).ShouldBeOutcomeAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_patient_is_masked_for_a_facility_and_in_full_for_an_administrator()
    {
        var full = (await (await _s.Admin.GetAsync($"/fhir/Patient?identifier={Token(ResidentId, Head.IdNumber)}"))
            .ReadAsync<Bundle>())
            .Entry.Select(e => e.Resource).OfType<Patient>().Single();
        full.Name.Single().Text.Should().Be(Head.Name);
        full.Identifier.Should().Contain(i => i.System == ResidentId && i.Value == Head.IdNumber);
        full.Identifier.Should().Contain(i => i.System == CardNumber && i.Value == Card);
        full.BirthDate.Should().Be("1970-01-01");

        var coverage = await (await _s.CityHospital.GetAsync($"/api/coverage?idNumber={Head.IdNumber}"))
            .ShouldBeOkAsync<JsonElement>();
        var masked = (await (await _s.CityHospital.GetAsync($"/fhir/Patient?identifier={Head.IdNumber}")).ReadAsync<Bundle>())
            .Entry.Select(e => e.Resource).OfType<Patient>().Single();
        masked.Name.Single().Text.Should().Be(coverage.GetProperty("name").GetString()).And.NotBe(Head.Name);
        masked.Identifier.Single(i => i.System == ResidentId).Value.Should().Be(coverage.GetProperty("idNumber").GetString());
        masked.BirthDate.Should().BeNull();
        masked.Meta!.Security.Should().Contain(c => c.Code == "MASKED");

        // By id, a facility reads only its own patients: those it has claimed for.
        await (await _s.CityHospital.GetAsync($"/fhir/Patient/{full.Id}"))
            .ShouldBeOutcomeAsync(HttpStatusCode.NotFound, "person_not_found");
        await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "p-1");
        var own = await (await _s.CityHospital.GetAsync($"/fhir/Patient/{full.Id}")).ReadAsync<Patient>();
        own.Name.Single().Text.Should().Be(masked.Name.Single().Text);
        var admin = await (await _s.Admin.GetAsync($"/fhir/Patient/{full.Id}")).ReadAsync<Patient>();
        admin.Name.Single().Text.Should().Be(Head.Name);
    }

    [Fact]
    public async Task Coverage_is_found_by_id_number_or_card_number()
    {
        var his = await (await _s.CityHospital.GetAsync($"/fhir/Coverage?identifier={Token(ResidentId, Head.IdNumber)}"))
            .ReadAsync<Bundle>();
        var coverage = his.Entry.Select(e => e.Resource).OfType<Coverage>().Single();
        coverage.Period!.Start.Should().Be("2026-01-01");
        coverage.Period!.End.Should().Be("2026-12-31");
        coverage.SubscriberId.Should().Be(Card);
        coverage.Beneficiary!.Display.Should().NotBe(Head.Name, "masked for a facility");

        var household = await (await _s.Window.GetAsync($"/fhir/Coverage?identifier={Token(CardNumber, Card)}"))
            .ReadAsync<Bundle>();
        household.Entry.Should().HaveCount(3);
        household.Entry.Select(e => ((Coverage)e.Resource!).Beneficiary!.Display).Should().Contain(Head.Name);
        await (await _s.Window.GetAsync("/fhir/Coverage")).ShouldBeOutcomeAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Eligibility_answers_cover_and_what_is_left_of_the_caps_as_the_coverage_check_does()
    {
        await SubmitAsync(_s.CityHospital, InpatientClaim(Head), "e-1");
        var request = new CoverageEligibilityRequest
        {
            Status = FinancialResourceStatusCodes.Active,
            Purpose = [CoverageEligibilityRequest.EligibilityRequestPurpose.Benefits],
            Patient = new ResourceReference { Identifier = new Identifier(ResidentId, Head.IdNumber) },
            Serviced = new Date("2026-11-20"),
            Created = "2026-11-20",
            Insurer = new ResourceReference { Display = "新型农村合作医疗基金" },
        };

        var response = await (await PostAsync(_s.CityHospital, "/fhir/CoverageEligibilityRequest/$evaluate", request))
            .ReadAsync<CoverageEligibilityResponse>();

        var rest = await (await _s.CityHospital.GetAsync($"/api/coverage?idNumber={Head.IdNumber}&date=2026-11-20"))
            .ShouldBeOkAsync<JsonElement>();
        var insurance = response.Insurance.Single();
        insurance.Inforce.Should().BeTrue();
        var inpatient = insurance.Item.Single(i => i.Category!.Coding[0].Code == "inpatient").Benefit.Single().Allowed;
        ((Money)inpatient!).Value.Should().Be(rest.GetProperty("remaining").GetProperty("inpatient").GetDecimal());
        response.Patient!.Display.Should().Be(rest.GetProperty("name").GetString());

        request.Patient!.Identifier!.Value = Id("19500101", 99);
        await (await PostAsync(_s.CityHospital, "/fhir/CoverageEligibilityRequest/$evaluate", request))
            .ShouldBeOutcomeAsync(HttpStatusCode.NotFound, "person_not_found");
    }
}
