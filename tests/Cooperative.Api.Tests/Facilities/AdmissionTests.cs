using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Facilities;

public sealed class AdmissionTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Applicant(string code = "P0005", string licence = "12345678933019932A1001") => new
    {
        code, name = "康复医院", level = "county", ownership = "private", townshipCode = "330199106",
        licenceNumber = licence, bankName = "中国工商银行杭城市支行", bankAccount = "1202009009200099001",
        headName = "周明", phone = "0571-86001234",
    };

    private static object Evidence(int doctors = 25, string openedOn = "2020-03-01") => new
    {
        decidedOn = FacilityCalls.Today.Iso(), licensedDoctors = doctors, licenceValidUntil = "2030-12-31", openedOn,
        hasInformationSystem = true, publishesPrices = true, noSeriousViolations = true, note = "现场核查",
    };

    [Fact]
    public async Task An_admitted_applicant_is_designated_with_a_decision_record_and_becomes_eligible_once_it_signs_a_letter()
    {
        var admin = await _app.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/facilities", Applicant())).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        created.GetProperty("status").GetString().Should().Be("applying");
        (await admin.EligibilityAsync("P0005")).GetProperty("code").GetString().Should().Be("facility_not_designated");

        var decision = await (await admin.PostAsJsonAsync("/api/facilities/P0005/admission", Evidence())).ShouldBeOkAsync<JsonElement>();

        decision.GetProperty("admitted").GetBoolean().Should().BeTrue();
        decision.GetProperty("conditions").EnumerateArray().Should().HaveCount(8).And.OnlyContain(c => c.GetProperty("met").GetBoolean());
        (await admin.StatusOfAsync("P0005")).Should().Be("designated");
        (await admin.EligibilityAsync("P0005")).GetProperty("code").GetString().Should().Be("facility_no_active_contract");
        var year = FacilityCalls.Today.Year;
        await (await admin.PostAsJsonAsync("/api/facilities/P0005/contracts", new
        {
            termStart = $"{year}-01-01", termEnd = $"{year}-12-31", signedOn = FacilityCalls.Today.Iso(),
            bureauSignatory = "杭城市卫生局", facilitySignatory = "周明",
        })).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        (await admin.EligibilityAsync("P0005")).GetProperty("eligible").GetBoolean().Should().BeTrue();
        var records = await (await admin.GetAsync("/api/facilities/P0005/admissions")).ShouldBeOkAsync<JsonElement>();
        records.EnumerateArray().Single().GetProperty("decidedBy").GetString().Should().Be("admin");
        var history = await (await admin.GetAsync("/api/facilities/P0005/status-history")).ShouldBeOkAsync<JsonElement>();
        history.EnumerateArray().Select(h => h.GetProperty("to").GetString()).Should().Equal("applying", "designated");
    }

    [Fact]
    public async Task An_applicant_missing_conditions_is_refused_stays_applying_and_the_record_says_why()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.PostAsJsonAsync("/api/facilities", Applicant())).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var decision = await (await admin.PostAsJsonAsync("/api/facilities/P0005/admission",
            Evidence(doctors: 8, openedOn: FacilityCalls.Today.AddMonths(-3).Iso()))).ShouldBeOkAsync<JsonElement>();

        decision.GetProperty("admitted").GetBoolean().Should().BeFalse();
        var unmet = decision.GetProperty("conditions").EnumerateArray().Where(c => !c.GetProperty("met").GetBoolean()).ToList();
        unmet.Select(c => c.GetProperty("code").GetString()).Should().BeEquivalentTo("doctors_sufficient", "operating_one_year");
        unmet[0].GetProperty("detail").GetString().Should().Contain("少于20名");
        (await admin.StatusOfAsync("P0005")).Should().Be("applying");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facility_admissions WHERE FacilityCode = 'P0005' AND Admitted = 0")).Should().Be(1);
    }

    [Fact]
    public async Task A_designated_facility_is_not_admitted_twice()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/facilities/H0001/admission", Evidence());

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_not_applying");
    }

    [Fact]
    public async Task Registering_a_facility_with_bad_input_lists_every_field_in_chinese()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/facilities", new
        {
            code = "x1", level = "outsideCounty", ownership = "state", townshipCode = "330199106", licenceNumber = "123",
            bankAccount = "abc", phone = "?",
        });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Contain(
            ["code", "name", "level", "ownership", "licenceNumber", "bankName", "bankAccount", "headName", "phone"]);
        errors.GetProperty("licenceNumber")[0].GetString().Should().Contain("22位");
    }

    [Fact]
    public async Task A_code_or_licence_number_already_registered_is_a_conflict()
    {
        var admin = await _app.ClientForAsync("admin");

        var sameCode = await admin.PostAsJsonAsync("/api/facilities", Applicant(code: "H0001"));
        var sameLicence = await admin.PostAsJsonAsync("/api/facilities", Applicant(licence: "88139986633019911A1074"));

        await sameCode.ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_exists");
        await sameLicence.ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_licence_exists");
    }

    [Fact]
    public async Task The_auditor_and_the_window_cannot_register_or_admit_a_facility()
    {
        var auditor = await _app.ClientForAsync("auditor");
        var window = await _app.ClientForAsync("window");

        await (await auditor.PostAsJsonAsync("/api/facilities", Applicant())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await window.PostAsJsonAsync("/api/facilities/H0001/admission", Evidence())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await auditor.PutAsJsonAsync("/api/facilities/H0001", Applicant())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facilities WHERE Code = 'P0005'")).Should().Be(0);
    }

    [Fact]
    public async Task The_published_admission_conditions_are_readable_without_a_token()
    {
        var conditions = await (await _app.CreateClient().GetAsync("/api/public/facilities/admission-conditions")).ShouldBeOkAsync<JsonElement>();

        conditions.EnumerateArray().Select(c => c.GetProperty("description").GetString()).Should().Contain(d => d!.Contains("执业许可证"));
    }

    [Fact]
    public async Task An_administrator_corrects_a_facilitys_bank_account_and_the_audit_trail_keeps_the_old_one()
    {
        var admin = await _app.ClientForAsync("admin");
        var before = await (await admin.GetAsync("/api/facilities/T0003")).ShouldBeOkAsync<JsonElement>();

        var updated = await (await admin.PutAsJsonAsync("/api/facilities/T0003", new
        {
            name = before.GetProperty("name").GetString(), ownership = "public", licenceNumber = before.GetProperty("licenceNumber").GetString(),
            bankName = "中国农业银行杭城市支行", bankAccount = "1953010104999900001", headName = "新院长", phone = "0571-86660000",
        })).ShouldBeOkAsync<JsonElement>();

        updated.GetProperty("bankAccount").GetString().Should().Be("1953010104999900001");
        var trail = await (await admin.GetAsync("/api/audit/records?entityType=Facility&entityId=T0003")).ShouldBeOkAsync<JsonElement>();
        trail.Items().First().GetProperty("before").GetString().Should().Contain(before.GetProperty("bankAccount").GetString());
    }
}
