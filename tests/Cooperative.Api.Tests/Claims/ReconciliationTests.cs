using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

/// <summary>The claims, the usage and the ledger agree, and whoever changes one of them by SQL is named.</summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_books_agree_until_a_claim_or_a_usage_is_changed_behind_the_application()
    {
        var claim = await (await SubmitAsync(_s.CityHospital, InpatientBill(Head, "RC-1"), "h-1")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        await (await SubmitAsync(_s.CityHospital, InpatientBill(Son, "RC-2"), "h-2")).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var auditor = await _s.App.ClientForAsync("auditor");

        var clean = await (await auditor.GetAsync("/api/ledger/reconciliation")).ShouldBeOkAsync<JsonElement>();
        clean.GetProperty("agrees").GetBoolean().Should().BeTrue(clean.ToString());
        clean.GetProperty("claimsChecked").GetInt32().Should().Be(2);

        var number = claim.GetProperty("number").GetString();
        await _s.App.Database!.ExecuteAsync($"UPDATE claims SET Reimbursement = Reimbursement + 500 WHERE Number = '{number}'");
        await _s.App.Database!.ExecuteAsync(
            $"UPDATE enrollments e JOIN persons p ON p.Id = e.PersonId SET e.UsageJson = '{{\"outpatient\":99.00}}' WHERE p.IdNumber = '{Son.IdNumber}'");

        var report = await (await auditor.GetAsync("/api/ledger/reconciliation")).ShouldBeOkAsync<JsonElement>();
        report.GetProperty("agrees").GetBoolean().Should().BeFalse();
        var found = report.GetProperty("disagreements").EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("record").GetString())).ToList();
        found.Should().Contain(("claim_entry_mismatch", number));
        found.Count(f => f.Item1 == "usage_mismatch").Should().Be(2, "the father's usage no longer matches his tampered claim, the son's was bumped");
        (await _s.Window.GetAsync("/api/ledger/reconciliation")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
