using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Claims.OneBillOneClaimTests;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

/// <summary>
/// One bill is one claim, tried as a cheat would: the same invoice through both channels and in every spelling,
/// the same stay under another invoice number, racing retries, someone else's name or card.
/// </summary>
public sealed class OneBillOneClaimTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>A 3,000-yuan stay, as a facility's system or the window (with the documents) sends it.</summary>
    internal static object Bill(Member patient, string invoice, string? facilityCode = "H0001", string? facilityName = null, string? level = null,
        string admitted = "2026-11-10", string discharged = "2026-11-15", string visit = "inpatient", decimal amount = 3000m,
        string? name = null, string? card = null, bool withId = true) => new
    {
        idNumber = withId ? patient.IdNumber : null, cardNumber = card, patientName = name ?? patient.Name, visitType = visit,
        admissionDate = admitted, dischargeDate = discharged, diagnosisCode = "K35.8", referred = false, invoiceNumber = invoice,
        facilityCode, facilityName, facilityLevel = level,
        lines = new[] { new { code = "S0002", name = "住院诊查费", quantity = 10m, unitPrice = amount / 10, amount } },
        providedDocuments = visit == "inpatient"
            ? new[] { "id_card", "invoices", "itemized_list", "discharge_summary" }
            : new[] { "id_card", "invoices", "itemized_list" },
    };

    private Task<HttpResponseMessage> AtWindow(object bill, string key) => SubmitAsync(_s.Window, bill, key, "/api/claims/window");

    [Fact]
    public async Task One_bill_is_paid_once_whatever_the_channel_or_the_spelling()
    {
        var first = await (await SubmitAsync(_s.CityHospital, Bill(Head, "VAR-123"), "h-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var fundPays = first.GetProperty("fundPays").GetDecimal();
        fundPays.Should().BeGreaterThan(0);

        foreach (var (spelling, i) in new[] { "VAR- 123", "VAR－123", "var‐123", "ＶＡＲ—１２３", " VAR-123 " }.Select((x, i) => (x, i)))
            await (await AtWindow(Bill(Head, spelling), $"w-{i}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_invoice");
        // An invisible character is refused outright: no spelling of the bill can hide from its key.
        await (await AtWindow(Bill(Head, "VAR-123\u200B"), "w-zw")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await AtWindow(Bill(Head, "VAR-123", facilityCode: null, facilityName: "杭城市人民医院", level: "county"), "w-text"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await AtWindow(Bill(Head, "VAR-123", facilityCode: null, facilityName: "杭城市 人民医院", level: "outside_county"), "w-name"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "facility_in_register");

        // Another name for the same hospital gets past the invoice key, not past the stay: held, and not payable.
        var held = await (await AtWindow(Bill(Head, "VAR- 123", facilityCode: null, facilityName: "市人民医院", level: "outside_county"), "w-alias"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        held.GetProperty("status").GetString().Should().Be("under_review");
        held.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("overlapping_stay");
        held.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().Should().Contain(first.GetProperty("number").GetString());
        var number = held.GetProperty("number").GetString();
        await (await _s.Window.PostAsJsonAsync($"/api/claims/{number}/pay", new { method = "cash" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "claim_wrong_state");
        var reviewer = await _s.App.ClientForAsync("reviewer");
        await (await reviewer.PostAsJsonAsync($"/api/claims/{number}/reject", new { reason = "同一次住院已由医院即时结报" })).ShouldBeOkAsync<JsonElement>();

        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(fundPays, "one bill, paid once");
        (await _s.BalanceAsync("1001")).Should().Be(OpeningBank + 300m, "nothing went out of the bank (two contributions of 150 came in)");
        (await _s.App.Database!.ScalarAsync<decimal>("SELECT COALESCE(SUM(Debit) - SUM(Credit), 0) FROM journal_lines WHERE AccountCode LIKE '5001%'"))
            .Should().Be(fundPays);
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task The_same_stay_at_the_same_facility_is_refused_whichever_channel_came_first()
    {
        var paper = await (await AtWindow(Bill(Head, "P-77"), "w-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        paper.GetProperty("status").GetString().Should().Be("settled");

        var again = await SubmitAsync(_s.CityHospital, Bill(Head, "HIS-2026-9", admitted: "2026-11-12", discharged: "2026-11-14"), "h-1");
        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "suspected_duplicate");
        problem.GetProperty("detail").GetString().Should().Contain(paper.GetProperty("number").GetString());

        // Readmitted on the day of discharge: another stay (held as a readmission, not refused).
        var next = await (await SubmitAsync(_s.CityHospital, Bill(Head, "HIS-2026-10", admitted: "2026-11-15", discharged: "2026-11-18"), "h-2"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        next.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("readmission_15d").And.NotContain("overlapping_stay");
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task Two_stays_at_once_and_the_same_outpatient_bill_elsewhere_are_held_for_review()
    {
        await (await SubmitAsync(_s.CityHospital, Bill(Head, "A-1"), "h-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var tcm = await _s.App.FacilityClientAsync("H0002");
        var second = await (await SubmitAsync(tcm, Bill(Head, "B-1", admitted: "2026-11-12", discharged: "2026-11-18"), "t-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        second.GetProperty("status").GetString().Should().Be("under_review");
        second.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("overlapping_stay");

        var visit = Bill(Son, "MZ-1", admitted: "2026-11-18", discharged: "2026-11-18", visit: "outpatient", amount: 120m);
        (await (await SubmitAsync(_s.CityHospital, visit, "h-2")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("status").GetString().Should().Be("settled");
        var elsewhere = await (await AtWindow(Bill(Son, "SZ-99", facilityCode: null, facilityName: "省人民医院", level: "outside_county",
            admitted: "2026-11-18", discharged: "2026-11-18", visit: "outpatient", amount: 120m), "w-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        elsewhere.GetProperty("status").GetString().Should().Be("under_review");
        elsewhere.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("possible_duplicate");

        // An outpatient visit while in a bed elsewhere (挂床住院?).
        var during = await (await AtWindow(Bill(Head, "SZ-100", facilityCode: null, facilityName: "省人民医院", level: "outside_county",
            admitted: "2026-11-13", discharged: "2026-11-13", visit: "outpatient", amount: 55m), "w-2")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        during.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("visit_during_stay");
    }

    [Fact]
    public async Task Racing_retries_of_one_submission_all_get_the_original_claim()
    {
        var bill = Bill(Head, "RACE-1");
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => SubmitAsync(_s.CityHospital, bill, "same-key")));

        var bodies = new List<JsonElement>();
        foreach (var r in responses)
        {
            r.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], await r.Content.ReadAsStringAsync());
            bodies.Add(await r.Content.ReadFromJsonAsync<JsonElement>());
        }
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        bodies.Select(b => b.GetProperty("number").GetString()).Distinct().Should().HaveCount(1);
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(1);

        // The same bill under forty different keys and two spellings: one claim, thirty-nine duplicates.
        var others = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => AtWindow(Bill(Son, i % 2 == 0 ? "RACE-2" : "race－2"), $"k-{i}")));
        others.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        others.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(39);
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(2);
        await _s.InvariantHoldsAsync();
    }

    [Fact]
    public async Task The_patient_is_the_person_the_id_number_and_card_belong_to()
    {
        await (await SubmitAsync(_s.CityHospital, Bill(Head, "N-1", name: "王小明"), "h-1"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "patient_mismatch");
        await (await AtWindow(Bill(Head, "N-2", card: "3301991010019999"), "w-1"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "patient_mismatch");
        (await AtWindow(Bill(Head, "N-3", card: "3301991010010001", name: "李秀英", withId: false), "w-2")).StatusCode
            .Should().Be(HttpStatusCode.Created, "by card and name: the wife");
        await (await AtWindow(Bill(Head, "N-4", card: "3301991010010001", name: "王小明", withId: false), "w-3"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "patient_mismatch");
        await (await SubmitAsync(_s.CityHospital, Bill(Head, "N-5", name: "  "), "h-x"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var spaced = await (await SubmitAsync(_s.CityHospital, Bill(Head, "N-6", name: " 王　建国 ", card: "3301991010010001"), "h-2"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        spaced.GetProperty("status").GetString().Should().Be("settled", "the name matches once whitespace is normalised");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(2);
    }

    [Fact]
    public async Task A_stay_begun_before_enrolment_is_not_paid_and_the_coverage_check_says_the_same()
    {
        var newcomer = new Member(Id("19900909", 55), "周新", "户主");
        var household = await RegisterAsync(_s.Window, "3301991010010055", [newcomer]);
        await (await EnrollAsync(_s.Window, IdOf(household), 2026, MemberIds(household))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        _s.Clock.Now = FixedClock.At(2026, 11, 25).Now;
        var hospital = await _s.App.FacilityClientAsync("H0001");
        var window = await _s.App.ClientForAsync("window");

        var straddling = await SubmitAsync(hospital, Bill(newcomer, "E-1", admitted: "2026-11-18", discharged: "2026-11-24"), "h-1");
        (await straddling.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_enrolled"))
            .GetProperty("detail").GetString().Should().Contain("2026-11-18");
        var coverage = await (await window.GetAsync($"/api/coverage?idNumber={newcomer.IdNumber}&date=2026-11-18")).ShouldBeOkAsync<JsonElement>();
        coverage.GetProperty("covered").GetBoolean().Should().BeFalse();
        coverage.GetProperty("reason").GetString().Should().Be("before_enrollment");

        (await SubmitAsync(hospital, Bill(newcomer, "E-2", admitted: "2026-11-20", discharged: "2026-11-24"), "h-2")).StatusCode
            .Should().Be(HttpStatusCode.Created, "admitted on the day his cover began");
    }

    [Fact]
    public async Task Input_that_cannot_be_an_id_number_or_an_amount_is_a_400_not_a_500()
    {
        foreach (var (id, i) in new[] { "３３０１９９１９７００１０１０１１Ｘ", "王建国", "33019919700101011\u0000" }.Select((x, i) => (x, i)))
        {
            var bill = new
            {
                idNumber = id, patientName = Head.Name, visitType = "outpatient", admissionDate = "2026-11-18", dischargeDate = "2026-11-18",
                diagnosisCode = "J06.9", invoiceNumber = $"X-{i}", lines = new[] { new { code = "S0001", amount = 10m } },
            };
            await (await SubmitAsync(_s.CityHospital, bill, $"x-{i}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        var overflow = new
        {
            idNumber = Head.IdNumber, patientName = Head.Name, visitType = "outpatient", admissionDate = "2026-11-18", dischargeDate = "2026-11-18",
            diagnosisCode = "J06.9", invoiceNumber = "X-9",
            lines = new[] { new { code = "S0001", quantity = 79228162514264337593543950335m, unitPrice = 2m, amount = 10m } },
        };
        await (await SubmitAsync(_s.CityHospital, overflow, "x-9")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var trial = await _s.Window.PostAsJsonAsync("/api/policies/trial", new
        {
            serviceDate = "2026-11-18", visitType = "outpatient", level = "township",
            lines = new[] { new { code = "S0001", quantity = 79228162514264337593543950335m, unitPrice = 79228162514264337593543950335m, amount = 10m } },
        });
        await trial.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(0);
    }
}

/// <summary>Claims stored before bills had a normal form are keyed at start-up, so an old bill retyped is still refused.</summary>
public sealed class ClaimBillKeysTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Claims_of_before_the_normal_form_get_their_keys_and_old_bills_stay_refused()
    {
        await (await SubmitAsync(_s.CityHospital, Bill(Head, "OLD－7"), "h-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        await (await SubmitAsync(_s.CityHospital, Bill(Son, "OLD－8"), "h-2")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        // As the rows stood before the migration: no bill key, the invoice key as it was typed; the second one rejected.
        await _s.App.Database!.ExecuteAsync("UPDATE claims SET BillKey = '', InvoiceKey = CONCAT('H0001|', InvoiceNumber) WHERE InvoiceNumber = 'OLD－7'");
        await _s.App.Database!.ExecuteAsync("UPDATE claims SET BillKey = '', InvoiceKey = NULL WHERE InvoiceNumber = 'OLD－8'");

        await using (var scope = _s.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cooperative.Api.Data.CooperativeDbContext>();
            foreach (var seeder in scope.ServiceProvider.GetServices<Cooperative.Api.Data.IReferenceDataSeeder>()) await seeder.SeedAsync(db, default);
        }

        (await _s.App.Database!.ScalarAsync<string>("SELECT InvoiceKey FROM claims WHERE InvoiceNumber = 'OLD－7'")).Should().Be("H0001|OLD-7");
        (await _s.App.Database!.ScalarAsync<string>("SELECT BillKey FROM claims WHERE InvoiceNumber = 'OLD－8'")).Should().Be("H0001|OLD-8");
        (await _s.App.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE InvoiceNumber = 'OLD－8' AND InvoiceKey IS NULL")).Should().Be(1);
        await (await SubmitAsync(_s.Window, Bill(Head, "old-7"), "w-1", "/api/claims/window")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_invoice");
    }
}
