using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Policy;

public sealed class PolicyEditingTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        _admin = await _app.ClientForAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A county of our own: county hospitals 500 deductible, 60 % to 3,000 then 75 %.</summary>
    private static object OwnPolicy(decimal countyUpperRatio = 0.75m, decimal contribution = 180m) => new
    {
        individualContribution = contribution,
        subsidy = new { central = 300m, province = 120m, county = 100m },
        riskReserveShare = 0.05m, claimDeadlineDays = 60, inpatientAnnualCap = 200000m, noReferralReduction = 0.15m,
        inpatient = new object[]
        {
            new { level = "village", deductible = 50m, bands = new[] { new { upperLimit = (decimal?)null, ratio = 0.9m } } },
            new { level = "township", deductible = 50m, bands = new[] { new { upperLimit = (decimal?)null, ratio = 0.9m } } },
            new { level = "community", deductible = 50m, bands = new[] { new { upperLimit = (decimal?)null, ratio = 0.9m } } },
            new { level = "county", deductible = 500m, bands = new[] { new { upperLimit = (decimal?)3000m, ratio = 0.6m }, new { upperLimit = (decimal?)null, ratio = countyUpperRatio } } },
            new { level = "outside_county", deductible = 1500m, bands = new[] { new { upperLimit = (decimal?)null, ratio = 0.5m } } },
        },
        outpatient = new object[]
        {
            new { level = "village", ratio = 0.5m, capPerVisit = 40m, capPerYear = 400m },
            new { level = "township", ratio = 0.5m, capPerVisit = 40m, capPerYear = 400m },
            new { level = "community", ratio = 0.5m, capPerVisit = 40m, capPerYear = 400m },
            new { level = "county", ratio = 0m, capPerVisit = 0m, capPerYear = 0m },
            new { level = "outside_county", ratio = 0m, capPerVisit = 0m, capPerYear = 0m },
        },
    };

    private async Task<decimal> CountyTrial(string date, decimal eligible)
    {
        var response = await _admin.PostAsJsonAsync("/api/policies/trial",
            new { serviceDate = date, visitType = "inpatient", level = "county", referred = true, lines = new[] { new { amount = eligible, status = "covered" } } });
        return (await response.ShouldBeOkAsync<JsonElement>()).GetProperty("settlement").GetProperty("reimbursement").GetDecimal();
    }

    [Fact]
    public async Task A_policy_of_our_own_for_next_year_is_applied_by_the_trial_calculation()
    {
        (await _admin.PutAsJsonAsync("/api/policies/2027", OwnPolicy())).StatusCode.Should().Be(HttpStatusCode.Created);

        // 10,000: (3,000 − 500) × 60 % = 1,500 + 7,000 × 75 % = 5,250 → 6,750.
        (await CountyTrial("2027-03-01", 10000m)).Should().Be(6750m);
    }

    [Fact]
    public async Task Next_years_policy_stays_editable_until_the_year_starts()
    {
        await _admin.PutAsJsonAsync("/api/policies/2027", OwnPolicy());

        var edited = await _admin.PutAsJsonAsync("/api/policies/2027", OwnPolicy(countyUpperRatio: 0.8m, contribution: 200m));

        var body = await edited.ShouldBeOkAsync<JsonElement>();
        body.GetProperty("version").GetInt32().Should().Be(1);
        body.GetProperty("frozen").GetBoolean().Should().BeFalse();
        body.GetProperty("policy").GetProperty("individualContribution").GetDecimal().Should().Be(200m);
        (await CountyTrial("2027-03-01", 10000m)).Should().Be(7100m, "1,500 + 7,000 × 80 %");
    }

    [Fact]
    public async Task The_running_years_policy_is_frozen_and_changes_become_a_new_version()
    {
        var frozen = await _admin.PutAsJsonAsync("/api/policies/2026", OwnPolicy());
        await frozen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "policy_frozen");

        var created = await _admin.PostAsJsonAsync("/api/policies/2026/versions", new { effectiveFrom = "2026-12-01", policy = OwnPolicy() });
        (await created.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("version").GetInt32().Should().Be(2);

        (await CountyTrial("2026-11-15", 10000m)).Should().Be(7220m, "version 1 before December: 4,600 × 70 % + 5,000 × 80 %");
        (await CountyTrial("2026-12-05", 10000m)).Should().Be(6750m, "version 2 from December");
        var versions = await (await _app.CreateClient().GetAsync("/api/policies/2026/versions")).ShouldBeOkAsync<JsonElement>();
        versions.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task A_new_version_cannot_reach_back_before_today()
    {
        var response = await _admin.PostAsJsonAsync("/api/policies/2026/versions", new { effectiveFrom = "2026-11-01", policy = OwnPolicy() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("effectiveFrom")[0].GetString().Should().Contain("不能早于今天");
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_every_problem_named()
    {
        var bad = JsonSerializer.SerializeToNode(OwnPolicy(countyUpperRatio: 1.5m))!;
        bad["claimDeadlineDays"] = 0;

        var response = await _admin.PutAsJsonAsync("/api/policies/2027", bad);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        fields.Should().Contain("claimDeadlineDays").And.Contain(f => f.StartsWith("inpatient[3]"));
        (await _app.CreateClient().GetAsync("/api/policies/2027")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_policy_is_public_but_only_an_admin_may_change_it()
    {
        var published = await (await _app.CreateClient().GetAsync("/api/policies/2026")).ShouldBeOkAsync<JsonElement>();
        published.GetProperty("policy").GetProperty("individualContribution").GetDecimal().Should().Be(150m);
        published.GetProperty("policy").GetProperty("inpatientAnnualCap").GetDecimal().Should().Be(150000m);

        foreach (var role in new[] { "window", "reviewer", "auditor" })
        {
            var client = await _app.ClientForAsync(role);
            (await client.PutAsJsonAsync("/api/policies/2027", OwnPolicy())).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        }
        (await _app.CreateClient().PutAsJsonAsync("/api/policies/2027", OwnPolicy())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Policy_changes_are_audited()
    {
        await _admin.PutAsJsonAsync("/api/policies/2027", OwnPolicy());

        var page = await (await _admin.GetAsync("/api/audit/records?entityType=FundYearPolicy&actor=admin")).ShouldBeOkAsync<JsonElement>();

        page.GetProperty("items").EnumerateArray().Should().ContainSingle(r => r.GetProperty("entityId").GetString() == "2027,1");
    }
}
