using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Benefits;

/// <summary>
/// Claims under the 2026 policy with every kind and payer (see <see cref="BenefitPolicy"/>), over HTTP against the
/// configured database: the kind each bill is paid under, the registers it depends on, and the one-stop settlement.
/// </summary>
public sealed class BenefitClaimTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await BenefitPolicy.ScenarioAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static object Outpatient(Member patient, string invoice, string diagnosis, decimal amount, string day = "2026-11-20") => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "outpatient", admissionDate = day, dischargeDate = day,
        diagnosisCode = diagnosis, referred = false, invoiceNumber = invoice,
        lines = new[] { new { code = "S0001", name = "普通门诊诊查费", amount } },
    };

    private static object Stay(Member patient, string invoice, string diagnosis, decimal amount, string admitted, string discharged) => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient", admissionDate = admitted, dischargeDate = discharged,
        diagnosisCode = diagnosis, referred = false, invoiceNumber = invoice,
        lines = new[] { new { code = "S0014", name = "阑尾切除术", amount } },
    };

    private static object PaperStay(Member patient, string invoice, string hospital, bool referred, string admitted, string discharged) => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient", admissionDate = admitted, dischargeDate = discharged,
        diagnosisCode = "S82.2", referred, invoiceNumber = invoice, facilityName = hospital, facilityLevel = "outside_county",
        lines = new[] { new { code = "S0014", name = "手术", amount = 9000m } },
        providedDocuments = referred
            ? new[] { "id_card", "invoices", "itemized_list", "discharge_summary", "referral_form" }
            : new[] { "id_card", "invoices", "itemized_list", "discharge_summary" },
    };

    private async Task<Guid> PersonIdAsync(Member member) =>
        (await (await _s.Window.GetAsync($"/api/persons?q={member.IdNumber}")).ShouldBeOkAsync<JsonElement>())
        .GetProperty("items")[0].GetProperty("id").GetGuid();

    private async Task<JsonElement> UsageAsync(Member member)
    {
        var person = await (await _s.Window.GetAsync($"/api/persons/{await PersonIdAsync(member)}")).ShouldBeOkAsync<JsonElement>();
        return person.GetProperty("enrollments").EnumerateArray().Single(e => e.GetProperty("fundYear").GetInt32() == 2026).GetProperty("usage");
    }

    private static decimal Pot(JsonElement usage, string pot) => usage.TryGetProperty(pot, out var v) ? v.GetDecimal() : 0m;

    private static async Task<JsonElement> SettledAsync(HttpClient client, object bill, string key, string path = "/api/claims") =>
        await (await SubmitAsync(client, bill, key, path)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

    /// <summary>The ledger invariant and the reconciliation of claims, usage and entries (a fresh token: the clock may have moved).</summary>
    private async Task BooksAgreeAsync()
    {
        var admin = await _s.App.ClientForAsync("admin");
        var invariant = await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        invariant.GetProperty("holds").GetBoolean().Should().BeTrue(invariant.ToString());
        var report = await (await admin.GetAsync("/api/ledger/reconciliation")).ShouldBeOkAsync<JsonElement>();
        report.GetProperty("agrees").GetBoolean().Should().BeTrue(report.ToString());
    }

    [Fact]
    public async Task A_certified_chronic_disease_is_paid_under_its_group_and_without_a_certification_as_general_outpatient()
    {
        // Without a certification, hypertension at the county hospital is general outpatient: not covered at county level.
        var general = await SettledAsync(_s.CityHospital, Outpatient(Head, "MZ-1", "I10", 200m), "c-1");
        general.GetProperty("benefit").GetString().Should().Be("outpatient");
        general.GetProperty("fundPays").GetDecimal().Should().Be(0m);
        general.GetProperty("settlement").GetProperty("notes")[0].GetString().Should().Contain("没有有效的病种认定");

        var head = await PersonIdAsync(Head);
        var certify = (object body) => _s.Window.PostAsJsonAsync($"/api/persons/{head}/certifications", body);
        await (await certify(new { diseaseCode = "I10", facilityCode = "H0001", validFrom = "2026-11-01", validTo = "2027-10-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"); // dated back
        await (await certify(new { diseaseCode = "J45", facilityCode = "H0001", validFrom = "2026-11-20", validTo = "2027-11-19" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "disease_not_listed");
        await (await certify(new { diseaseCode = "I10", facilityCode = "NOPE", validFrom = "2026-11-20", validTo = "2027-11-19" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "facility_not_found");
        (await _s.CityHospital.PostAsJsonAsync($"/api/persons/{head}/certifications",
            new { diseaseCode = "I10", facilityCode = "H0001", validFrom = "2026-11-20", validTo = "2027-11-19" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var certified = await (await certify(new { diseaseCode = "i10", facilityCode = "H0001", validFrom = "2026-11-20", validTo = "2027-11-19" }))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        certified.GetProperty("groupCode").GetString().Should().Be("A");
        certified.GetProperty("certifiedBy").GetString().Should().Be("window");
        await (await certify(new { diseaseCode = "I10", facilityCode = "H0001", validFrom = "2027-01-01", validTo = "2027-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "certification_overlaps");

        // Certified: 250 × 60 % = 150 under group A, on the chronic expense account of the county level.
        var chronic = await SettledAsync(_s.CityHospital, Outpatient(Head, "MZ-2", "I10", 250m), "c-2");
        chronic.GetProperty("benefit").GetString().Should().Be("chronic");
        chronic.GetProperty("benefitGroup").GetString().Should().Be("A");
        chronic.GetProperty("fundPays").GetDecimal().Should().Be(150m);
        chronic.GetProperty("patientPays").GetDecimal().Should().Be(100m);
        (await _s.BalanceAsync("5003.04")).Should().Be(150m);

        // The group's yearly cap: 6,000 × 60 % = 3,600, but only 3,000 − 150 = 2,850 is left.
        var capped = await SettledAsync(_s.CityHospital, Outpatient(Head, "MZ-3", "I10", 6000m), "c-3");
        capped.GetProperty("fundPays").GetDecimal().Should().Be(2850m);
        capped.GetProperty("settlement").GetProperty("capCut").GetDecimal().Should().Be(750m);
        var usage = await UsageAsync(Head);
        Pot(usage, "chronic:A").Should().Be(3000m);
        Pot(usage, "catastrophic_base").Should().Be(200m + 100m + 3150m, "the eligible cost the fund left him counts towards the catastrophic threshold");

        // The coverage check shows what is left: of group A nothing, of catastrophic insurance all (he is not assisted).
        var cover = await (await _s.CityHospital.GetAsync($"/api/coverage?idNumber={Head.IdNumber}&date=2026-11-20")).ShouldBeOkAsync<JsonElement>();
        var left = cover.GetProperty("remaining");
        left.GetProperty("chronic")[0].GetProperty("group").GetString().Should().Be("A");
        left.GetProperty("chronic")[0].GetProperty("remaining").GetDecimal().Should().Be(0m);
        left.GetProperty("catastrophic").GetDecimal().Should().Be(300000m);
        left.GetProperty("assistance").ValueKind.Should().Be(JsonValueKind.Null);

        // Ended from today on: the next visit is general outpatient again, and what was paid stays paid.
        (await _s.Window.PostAsJsonAsync($"/api/certifications/{certified.GetProperty("number").GetString()}/end",
            new { from = "2026-11-20", reason = "复查不符合认定标准" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await SettledAsync(_s.CityHospital, Outpatient(Head, "MZ-4", "I10", 220m), "c-4");
        after.GetProperty("benefit").GetString().Should().Be("outpatient");
        var history = await (await _s.Window.GetAsync($"/api/persons/{head}/certifications")).ShouldBeOkAsync<JsonElement>();
        history.EnumerateArray().Single().GetProperty("endReason").GetString().Should().Be("复查不符合认定标准");
        (await _s.CityHospital.GetAsync($"/api/persons/{head}/certifications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await BooksAgreeAsync();
    }

    [Fact]
    public async Task A_delivery_gets_the_fixed_subsidy_or_the_inpatient_rule_when_it_pays_more_and_assistance_adds_its_share()
    {
        // 1,200 at the county hospital: the inpatient rule gives (1,200 − 400) × 70 % = 560, the subsidy 1,000: 1,000.
        // The wife is on 低保: assistance pays 50 % of what remains of the eligible cost, (1,200 − 1,000) × 50 % = 100.
        var small = await SettledAsync(_s.CityHospital, Stay(Wife, "FM-1", "O80", 1200m, "2026-09-01", "2026-09-03"), "d-1");
        small.GetProperty("benefit").GetString().Should().Be("delivery");
        small.GetProperty("fundPays").GetDecimal().Should().Be(1000m);
        small.GetProperty("assistancePays").GetDecimal().Should().Be(100m);
        small.GetProperty("patientPays").GetDecimal().Should().Be(100m);
        small.GetProperty("payout").GetDecimal().Should().Be(1100m);
        small.GetProperty("settlement").GetProperty("deliverySubsidy").GetDecimal().Should().Be(1000m);

        // 3,000: the inpatient rule gives (3,000 − 400) × 70 % = 1,820, more than the subsidy. Assistance (3,000 − 1,820) × 50 % = 590.
        var big = await SettledAsync(_s.CityHospital, Stay(Wife, "FM-2", "O82.0", 3000m, "2026-10-01", "2026-10-05"), "d-2");
        big.GetProperty("fundPays").GetDecimal().Should().Be(1820m);
        big.GetProperty("assistancePays").GetDecimal().Should().Be(590m);
        big.GetProperty("settlement").GetProperty("inpatientRuleAmount").GetDecimal().Should().Be(1820m);

        (await _s.BalanceAsync("5004.04")).Should().Be(2820m, "the delivery expense of the county level");
        (await _s.BalanceAsync("1105")).Should().Be(690m, "what civil affairs owes back");
        (await _s.BalanceAsync("2001", "H0001")).Should().Be(-(1100m + 2410m), "the facility is owed everything it did not collect from the patient");
        var usage = await UsageAsync(Wife);
        Pot(usage, "inpatient").Should().Be(2820m, "a delivery counts against the inpatient cap");
        Pot(usage, "assistance").Should().Be(690m);

        // The same diagnosis on the husband's bill: settled as a delivery but held for a reviewer.
        var his = await SettledAsync(_s.CityHospital, Stay(Head, "FM-3", "O80", 1200m, "2026-09-01", "2026-09-03"), "d-3");
        his.GetProperty("status").GetString().Should().Be("under_review");
        his.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("delivery_patient_male");

        var statement = await _s.Window.GetStringAsync($"/api/claims/{small.GetProperty("number").GetString()}/statement.html");
        statement.Should().Contain("住院分娩").And.Contain("医疗救助（杭城市民政局）").And.Contain("个人自付").And.Contain("低保");
        await BooksAgreeAsync();
    }

    [Fact]
    public async Task A_referral_counts_only_with_a_filing_made_before_the_admission_and_the_statement_says_why()
    {
        // Before any filing: paid as unreferred, (9,000 − 1,000) × 45 % = 3,600.
        var none = await SettledAsync(_s.Window, PaperStay(Son, "ZZ-1", "省人民医院", true, "2026-11-01", "2026-11-05"), "z-1", "/api/claims/window");
        none.GetProperty("fundPays").GetDecimal().Should().Be(3600m);
        none.GetProperty("referralFiling").ValueKind.Should().Be(JsonValueKind.Null);
        none.GetProperty("settlement").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("没有转诊备案"));

        var son = await PersonIdAsync(Son);
        var file = (object body) => _s.Window.PostAsJsonAsync($"/api/persons/{son}/referrals", body);
        await (await file(new { diagnosisCode = "S82.2", destination = "省人民医院", validFrom = "2026-11-01", validTo = "2026-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"); // dated back
        await (await file(new { diagnosisCode = "S82.2", destination = "杭城市人民医院", validFrom = "2026-11-20", validTo = "2026-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "destination_in_register");
        var filing = await (await file(new { diagnosisCode = "S82.1", destination = " 省人民医院 ", validFrom = "2026-11-20", validTo = "2026-12-31" }))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        filing.GetProperty("filedOn").GetString().Should().Be("2026-11-20");

        // Filed after that admission: still unreferred.
        var late = await SettledAsync(_s.Window, PaperStay(Son, "ZZ-2", "省人民医院", true, "2026-11-10", "2026-11-12"), "z-2", "/api/claims/window");
        late.GetProperty("settlement").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("晚于入院日期"));

        // A week later, an admission after the filing, same hospital (another spelling) and ICD category: referred, 55 %.
        _s.Clock.Now = FixedClock.At(2026, 11, 28).Now;
        var window = await _s.App.ClientForAsync("window");
        var referred = await SettledAsync(window, PaperStay(Son, "ZZ-3", "省 人民医院", true, "2026-11-21", "2026-11-27"), "z-3", "/api/claims/window");
        referred.GetProperty("fundPays").GetDecimal().Should().Be(4400m, "(9,000 − 1,000) × 55 %");
        referred.GetProperty("referralFiling").GetString().Should().Be(filing.GetProperty("number").GetString());
        (await window.GetStringAsync($"/api/claims/{referred.GetProperty("number").GetString()}/statement.html")).Should().Contain("转诊备案 ZZ-2026-");

        // Another hospital than the one filed: unreferred, and why.
        var elsewhere = await SettledAsync(window, PaperStay(Son, "ZZ-4", "省肿瘤医院", true, "2026-11-22", "2026-11-26"), "z-4", "/api/claims/window");
        elsewhere.GetProperty("fundPays").GetDecimal().Should().Be(3600m);
        elsewhere.GetProperty("settlement").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("转往医院"));
        await BooksAgreeAsync();
    }

    [Fact]
    public async Task Catastrophic_insurance_pays_above_the_threshold_accumulated_in_the_year_and_assistance_what_remains_as_the_trial_says()
    {
        // 1) 20,000 at the county hospital: basic (5,000 − 400) × 70 % + 15,000 × 80 % = 15,220; out of pocket 4,780 (below
        //    the 10,000 threshold: catastrophic 0); assistance 4,780 × 50 % = 2,390; the patient 2,390.
        var first = await SettledAsync(_s.CityHospital, Stay(Wife, "DB-1", "K35.8", 20000m, "2026-10-01", "2026-10-10"), "k-1");
        first.GetProperty("fundPays").GetDecimal().Should().Be(15220m);
        first.GetProperty("catastrophicPays").GetDecimal().Should().Be(0m);
        first.GetProperty("assistancePays").GetDecimal().Should().Be(2390m);
        first.GetProperty("patientPays").GetDecimal().Should().Be(2390m);

        // What the trial calculation says for the second bill, given the first's usage.
        var trial = await (await _s.Window.PostAsJsonAsync("/api/policies/trial", new
        {
            serviceDate = "2026-11-01", visitType = "inpatient", level = "county", referred = false, diagnosisCode = "C34.9",
            assistanceCategory = "dibao", lines = new[] { new { code = "S0014", amount = 40000m } },
            priorUse = new { inpatientPaid = 15220m, outpatientPaid = 0m, usage = new Dictionary<string, decimal> { ["catastrophic_base"] = 4780m, ["assistance"] = 2390m } },
        })).ShouldBeOkAsync<JsonElement>();

        // 2) 40,000: basic 3,220 + 35,000 × 80 % = 31,220; out of pocket 8,780, accumulated 4,780 → 13,560: 3,560 above the
        //    threshold × 50 % = 1,780 catastrophic; assistance (8,780 − 1,780) × 50 % = 3,500; the patient 3,500.
        var second = await SettledAsync(_s.CityHospital, BigBill(Wife, "DB-2"), "k-2");
        second.GetProperty("fundPays").GetDecimal().Should().Be(31220m);
        second.GetProperty("catastrophicPays").GetDecimal().Should().Be(1780m);
        second.GetProperty("assistancePays").GetDecimal().Should().Be(3500m);
        second.GetProperty("patientPays").GetDecimal().Should().Be(3500m);
        var payers = second.GetProperty("settlement").GetProperty("payers");
        payers[0].GetProperty("accumulatedBefore").GetDecimal().Should().Be(4780m);
        payers[0].GetProperty("name").GetString().Should().Be("大病保险（人保财险杭城支公司）");
        var trialSettlement = trial.GetProperty("settlement");
        trialSettlement.GetProperty("reimbursement").GetDecimal().Should().Be(31220m);
        trialSettlement.GetProperty("payers")[0].GetProperty("amount").GetDecimal().Should().Be(1780m);
        trialSettlement.GetProperty("payers")[1].GetProperty("amount").GetDecimal().Should().Be(3500m);
        trialSettlement.GetProperty("patientShare").GetDecimal().Should().Be(3500m);

        (await _s.BalanceAsync("1104")).Should().Be(1780m, "the insurer owes back what the county advanced");
        (await _s.BalanceAsync("1105")).Should().Be(5890m);
        (await _s.BalanceAsync("5001.04")).Should().Be(46440m);
        (await _s.BalanceAsync("2001", "H0001")).Should().Be(-(17610m + 36500m));
        var usage = await UsageAsync(Wife);
        Pot(usage, "catastrophic_base").Should().Be(13560m);
        Pot(usage, "catastrophic").Should().Be(1780m);
        Pot(usage, "assistance").Should().Be(5890m);
        var statement = await _s.Window.GetStringAsync($"/api/claims/{second.GetProperty("number").GetString()}/statement.html");
        statement.Should().Contain("大病保险起付线").And.Contain("1,780.00").And.Contain("合计支付");
        await BooksAgreeAsync();

        // The first claim rejected: its settlement reversed, every payer's usage and receivable given back.
        var reviewer = await _s.App.ClientForAsync("reviewer");
        (await reviewer.PostAsJsonAsync($"/api/claims/{first.GetProperty("number").GetString()}/reject", new { reason = "分解住院" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        usage = await UsageAsync(Wife);
        Pot(usage, "inpatient").Should().Be(31220m);
        Pot(usage, "catastrophic_base").Should().Be(8780m);
        Pot(usage, "assistance").Should().Be(3500m);
        (await _s.BalanceAsync("1105")).Should().Be(3500m);
        await BooksAgreeAsync();
    }

    [Fact]
    public async Task The_monthly_settlement_pays_the_facility_everything_it_did_not_collect_from_the_patient()
    {
        // 20,000: basic 15,220 and assistance 2,390 (see above); the facility collected 2,390 from the wife.
        var claim = await SettledAsync(_s.CityHospital, Stay(Wife, "YJ-1", "K35.8", 20000m, "2026-11-01", "2026-11-10"), "m-1");
        claim.GetProperty("payout").GetDecimal().Should().Be(17610m);
        _s.Clock.Now = FixedClock.At(2026, 12, 2).Now;
        var admin = await _s.App.ClientForAsync("admin");
        var november = await (await admin.PostAsync("/api/ledger/facility-settlements/2026-11", null)).ShouldBeOkAsync<JsonElement>();
        var city = november.EnumerateArray().Single(p => p.GetProperty("facilityCode").GetString() == "H0001");
        city.GetProperty("paid").GetDecimal().Should().Be(17610m);
        city.GetProperty("claimsPaid").GetInt32().Should().Be(1);
        (await _s.BalanceAsync("1105")).Should().Be(2390m, "civil affairs still owes its share until it pays");
        await BooksAgreeAsync();
    }

    [Fact]
    public async Task A_policy_with_inconsistent_kinds_or_payers_is_refused_field_by_field()
    {
        var document = await BenefitPolicy.DocumentAsync(_s.Admin);
        document["chronicGroups"]![1]!["diseases"]![0]!["code"] = "I10";
        document["delivery"]!["subsidies"]!.AsArray().RemoveAt(0);
        document["catastrophic"]!["bands"]![0]!["upperLimit"] = 5000m;
        document["assistance"]!["categories"]![0]!["category"] = "Youth";
        var problem = await (await _s.Admin.PostAsJsonAsync("/api/policies/2026/versions", new { effectiveFrom = "2026-12-01", policy = document }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("chronicGroups[1].diseases[0].code")[0].GetString().Should().Contain("已列入病种组 A");
        errors.GetProperty("delivery.subsidies")[0].GetString().Should().Contain("村卫生室");
        errors.GetProperty("catastrophic.bands[0].upperLimit")[0].GetString().Should().Contain("起付线");
        errors.GetProperty("assistance.categories[0].category")[0].GetString().Should().Contain("dibao");
    }

    [Fact]
    public async Task Claims_racing_for_the_same_person_never_pass_a_payers_cap()
    {
        // Eight 20,000 stays of the wife at once, each 2 days, 3 days apart. Out of pocket 4,780 each, 38,240 in all:
        // catastrophic pays (38,240 − 10,000) × 50 % = 14,120 whatever the order (all in its first band); what remains,
        // 24,120 × 50 % = 12,060, is more than assistance's 10,000 cap, which therefore ends exactly full.
        var bills = Enumerable.Range(0, 8).Select(i =>
        {
            var admitted = new DateOnly(2026, 9, 1).AddDays(3 * i);
            return Stay(Wife, $"BF-{i}", "K35.8", 20000m, admitted.ToString("yyyy-MM-dd"), admitted.AddDays(1).ToString("yyyy-MM-dd"));
        }).ToList();
        var responses = await Task.WhenAll(bills.Select((b, i) => SubmitAsync(_s.CityHospital, b, $"race-{i}")));
        foreach (var r in responses) r.StatusCode.Should().Be(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var claims = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        claims.Sum(c => c.GetProperty("assistancePays").GetDecimal()).Should().Be(10000m);
        claims.Sum(c => c.GetProperty("catastrophicPays").GetDecimal()).Should().Be(14120m);
        var usage = await UsageAsync(Wife);
        Pot(usage, "assistance").Should().Be(10000m);
        Pot(usage, "catastrophic").Should().Be(14120m);
        Pot(usage, "catastrophic_base").Should().Be(38240m);
        await BooksAgreeAsync();
    }
}
