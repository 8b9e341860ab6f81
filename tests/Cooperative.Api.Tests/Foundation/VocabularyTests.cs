using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Reference;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Foundation;

/// <summary>One vocabulary on the wire: codes out, codes or Chinese labels in, every enumeration listed once.</summary>
public sealed class VocabularyTests
{
    /// <summary>Enumerations that never cross the wire (configuration, internal kinds of text and refusal).</summary>
    private static readonly string[] Internal = ["DatabaseProvider", "TextKind", "RefusalKind"];

    [Fact]
    public void Every_enumeration_of_the_domain_and_the_api_is_in_the_reference_list_with_a_label_for_each_member()
    {
        var enums = new[] { typeof(Vocabulary).Assembly, typeof(ReferenceApi).Assembly }
            .SelectMany(a => a.GetExportedTypes()).Where(t => t.IsEnum && !Internal.Contains(t.Name)).ToList();

        ReferenceApi.Enumerations.Select(e => e.Type).Should().BeEquivalentTo(enums);
        foreach (var type in enums)
        {
            var terms = Vocabulary.Terms(type);
            terms.Select(t => t.Code).Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().MatchRegex("^[a-z][a-z0-9_]*$"));
            terms.Should().AllSatisfy(t => t.Label.Should().NotBeNullOrWhiteSpace());
        }
    }

    [Fact]
    public void Every_review_flag_a_rule_sets_has_its_name_in_the_vocabulary()
    {
        string[] set = ["high_cost", "readmission_15d", Api.Claims.ClaimSettler.ResubmittedFlag, Api.Claims.ClaimSettler.DeliveryPatientMale,
            Domain.Claims.DuplicateRule.OverlappingStay, Domain.Claims.DuplicateRule.SameDaySameTotal, Domain.Claims.DuplicateRule.VisitDuringStay];

        Vocabulary.Terms(typeof(Domain.Claims.ReviewReason)).Select(t => t.Code).Should().BeEquivalentTo(set);
    }

    [Theory]
    [InlineData("outside_county", Domain.Reimbursement.FacilityLevel.OutsideCounty)]
    [InlineData("OutsideCounty", Domain.Reimbursement.FacilityLevel.OutsideCounty)]
    [InlineData("县外", Domain.Reimbursement.FacilityLevel.OutsideCounty)]
    [InlineData(" county ", Domain.Reimbursement.FacilityLevel.County)]
    public void A_level_is_read_from_its_code_its_label_or_its_old_name(string text, Domain.Reimbursement.FacilityLevel expected)
    {
        Vocabulary.TryParse(text, out Domain.Reimbursement.FacilityLevel level).Should().BeTrue();
        level.Should().Be(expected);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("hospital")]
    [InlineData("")]
    public void A_number_or_an_unknown_word_is_no_level(string text) =>
        Vocabulary.TryParse(text, out Domain.Reimbursement.FacilityLevel _).Should().BeFalse();

    [Fact]
    public async Task The_reference_list_is_public_and_gives_codes_labels_and_aliases()
    {
        await using var app = await CooperativeApp.StartAsync();

        var all = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/reference/enumerations");
        var relationship = all.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "relationship");
        relationship.GetProperty("label").GetString().Should().Be("与户主关系");
        var head = relationship.GetProperty("terms")[0];
        (head.GetProperty("code").GetString(), head.GetProperty("label").GetString()).Should().Be(("head", "户主"));
        head.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Should().Contain("本人");

        var one = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/reference/enumerations/facility_level");
        one.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("code").GetString())
            .Should().Equal("village", "township", "community", "county", "outside_county");
        var missing = await app.CreateClient().GetAsync("/api/reference/enumerations/colour");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "enumeration_not_found");
    }

    [Fact]
    public async Task A_claim_entered_with_chinese_labels_comes_back_in_codes_and_facilities_and_claims_spell_a_level_alike()
    {
        await using var s = await ClaimScenario.StartAsync();
        var bill = new
        {
            idNumber = Son.IdNumber, patientName = Son.Name, visitType = "住院", admissionDate = "2026-11-10", dischargeDate = "2026-11-15",
            diagnosisCode = "K35.8", referred = false, invoiceNumber = "FP-LABEL", facilityCode = "H0001",
            providedDocuments = new[] { "合作医疗证或身份证", "医疗费用发票", "费用明细清单", "出院小结" },
            lines = new object[] { new { code = "S0002", name = "住院诊查费", quantity = 1m, unitPrice = 300m, amount = 300m } },
        };

        var response = await ClaimScenario.SubmitAsync(s.Window, bill, "label-1", "/api/claims/window");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var claim = await response.Content.ReadFromJsonAsync<JsonElement>();
        claim.GetProperty("visitType").GetString().Should().Be("inpatient");
        claim.GetProperty("channel").GetString().Should().Be("window");
        claim.GetProperty("facilityLevel").GetString().Should().Be("county");
        var facility = await s.Admin.GetFromJsonAsync<JsonElement>("/api/facilities/H0001");
        facility.GetProperty("level").GetString().Should().Be("county");

        var listed = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/claims?status={claim.GetProperty("status").GetString()}");
        listed.GetProperty("total").GetInt32().Should().Be(1);
        var byLabel = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/claims?status={Uri.EscapeDataString("已结算")}");
        byLabel.GetProperty("total").GetInt32().Should().Be(claim.GetProperty("status").GetString() == "settled" ? 1 : 0);
        var bogus = await s.Admin.GetAsync("/api/claims?status=done");
        (await bogus.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("under_review");
    }

    [Fact]
    public async Task A_value_outside_an_enumeration_is_a_400_naming_the_field_and_the_codes_and_stores_nothing()
    {
        await using var s = await ClaimScenario.StartAsync();
        var bill = new
        {
            idNumber = Son.IdNumber, patientName = Son.Name, visitType = "hospital", admissionDate = "2026-11-10", dischargeDate = "2026-11-15",
            diagnosisCode = "K35.8", referred = false, invoiceNumber = "FP-BAD",
            lines = new object[] { new { code = "S0002", name = "住院诊查费", quantity = 1m, unitPrice = 300m, amount = 300m } },
        };

        var response = await ClaimScenario.SubmitAsync(s.CityHospital, bill, "bad-enum");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        problem.GetProperty("errors").GetProperty("visitType")[0].GetString().Should().Contain("inpatient").And.Contain("outpatient");
        (await s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(0);
    }
}
