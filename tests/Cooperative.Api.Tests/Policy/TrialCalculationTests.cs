using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Policy;

/// <summary>Hand calculations against the trial-calculation endpoint, on the seeded default policy of 2026.</summary>
public sealed class TrialCalculationTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _window = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        _window = await _app.ClientForAsync("window");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> Trial(object body, HttpClient? client = null)
    {
        var response = await (client ?? _window).PostAsJsonAsync("/api/policies/trial", body);
        return await response.ShouldBeOkAsync<JsonElement>();
    }

    private static object Bill(string level, string visit, bool referred, object[] lines, object? prior = null, string date = "2026-11-10") =>
        new { serviceDate = date, visitType = visit, level, referred, lines, priorUse = prior };

    [Fact]
    public async Task County_hospital_bill_with_excluded_and_partly_covered_items()
    {
        // total 5,500; excluded 500 (D0901); partly covered D0003 2,000 × 10 % = 200 paid first;
        // eligible 4,800; deductible 400; 4,400 × 70 % = 3,080; patient 2,420.
        var result = await Trial(Bill("county", "inpatient", true,
            [new { code = "S0002", amount = 3000m }, new { code = "D0003", amount = 2000m }, new { code = "D0901", amount = 500m }]));

        var s = result.GetProperty("settlement");
        s.GetProperty("total").GetDecimal().Should().Be(5500m);
        s.GetProperty("excluded").GetDecimal().Should().Be(500m);
        s.GetProperty("partlySelfPaid").GetDecimal().Should().Be(200m);
        s.GetProperty("eligible").GetDecimal().Should().Be(4800m);
        s.GetProperty("deductibleApplied").GetDecimal().Should().Be(400m);
        s.GetProperty("reimbursement").GetDecimal().Should().Be(3080m);
        s.GetProperty("patientShare").GetDecimal().Should().Be(2420m);
        result.GetProperty("policyVersion").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task County_hospital_bill_above_5000_pays_70_then_80_percent()
    {
        // eligible 8,000: (5,000 − 400) × 70 % = 3,220 + (8,000 − 5,000) × 80 % = 2,400 → 5,620.
        var s = (await Trial(Bill("county", "inpatient", true, [new { code = "S0014", amount = 8000m }]))).GetProperty("settlement");

        s.GetProperty("reimbursement").GetDecimal().Should().Be(5620m);
        var bands = s.GetProperty("bands").EnumerateArray().ToList();
        bands.Should().HaveCount(2);
        bands[0].GetProperty("payable").GetDecimal().Should().Be(3220m);
        bands[1].GetProperty("ratio").GetDecimal().Should().Be(0.80m);
    }

    [Fact]
    public async Task Outside_the_county_without_referral_loses_ten_points()
    {
        // 20,000 covered: deductible 1,000; 9,000 × 45 % = 4,050; 10,000 × 55 % = 5,500 → 9,550.
        var s = (await Trial(Bill("outside_county", "inpatient", false,
            [new { amount = 20000m, status = "covered" }]))).GetProperty("settlement");

        s.GetProperty("reimbursement").GetDecimal().Should().Be(9550m);
        s.GetProperty("ratioReduction").GetDecimal().Should().Be(0.10m);
        s.GetProperty("patientShare").GetDecimal().Should().Be(10450m);
    }

    [Fact]
    public async Task Township_health_centre_pays_85_percent_above_100()
    {
        var s = (await Trial(Bill("township", "inpatient", false, [new { code = "S0003", amount = 1000m }]))).GetProperty("settlement");

        s.GetProperty("reimbursement").GetDecimal().Should().Be(765m);
    }

    [Fact]
    public async Task Outpatient_visit_is_capped_per_visit_and_per_year()
    {
        var first = (await Trial(Bill("village", "outpatient", false, [new { code = "S0001", amount = 100m }]))).GetProperty("settlement");
        first.GetProperty("reimbursement").GetDecimal().Should().Be(30m, "60 % of 100 is 60, capped at 30 a visit");

        var nearlyExhausted = (await Trial(Bill("village", "outpatient", false, [new { code = "S0001", amount = 100m }],
            new { inpatientPaid = 0m, outpatientPaid = 290m }))).GetProperty("settlement");
        nearlyExhausted.GetProperty("reimbursement").GetDecimal().Should().Be(10m, "only 10 of the yearly 300 is left");
    }

    [Fact]
    public async Task The_annual_cap_limits_what_is_left()
    {
        var s = (await Trial(Bill("county", "inpatient", true, [new { code = "S0014", amount = 200000m }],
            new { inpatientPaid = 149000m, outpatientPaid = 0m }))).GetProperty("settlement");

        s.GetProperty("reimbursement").GetDecimal().Should().Be(1000m);
        s.GetProperty("capRemainingAfter").GetDecimal().Should().Be(0m);
    }

    [Fact]
    public async Task An_unknown_catalogue_code_is_named()
    {
        var response = await _window.PostAsJsonAsync("/api/policies/trial",
            Bill("county", "inpatient", true, [new { code = "X9999", amount = 10m }]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "catalogue_code_unknown");
        problem.GetProperty("detail").GetString().Should().Contain("X9999");
    }

    [Fact]
    public async Task Amounts_that_do_not_add_up_are_refused()
    {
        var response = await _window.PostAsJsonAsync("/api/policies/trial",
            Bill("county", "inpatient", true, [new { code = "D0001", quantity = 2m, unitPrice = 10.5m, amount = 25m }]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("lines[0].amount")[0].GetString().Should().Contain("数量×单价");
    }

    [Fact]
    public async Task A_facility_may_ask_but_an_auditor_and_the_public_may_not()
    {
        var facility = await _app.FacilityClientAsync();
        (await Trial(Bill("county", "inpatient", true, [new { code = "S0003", amount = 1000m }]), facility))
            .GetProperty("settlement").GetProperty("reimbursement").GetDecimal().Should().Be(420m);

        var auditor = await _app.ClientForAsync("auditor");
        (await auditor.PostAsJsonAsync("/api/policies/trial", Bill("county", "inpatient", true, [new { code = "S0003", amount = 1m }])))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _app.CreateClient().PostAsJsonAsync("/api/policies/trial", Bill("county", "inpatient", true, [new { code = "S0003", amount = 1m }])))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bill_without_lines_or_type_is_a_validation_problem()
    {
        var response = await _window.PostAsJsonAsync("/api/policies/trial", new { serviceDate = "2026-11-10", lines = Array.Empty<object>() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(["visitType", "level", "lines"]);
    }
}
