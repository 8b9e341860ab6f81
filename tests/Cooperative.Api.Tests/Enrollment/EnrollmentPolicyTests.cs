using System.Net;
using System.Text.Json;
using Cooperative.Api.Policy;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Reimbursement;
using Microsoft.Extensions.DependencyInjection;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

/// <summary>Enrolment reads its figures from the policy store of the year, never from constants.</summary>
public sealed class EnrollmentPolicyTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await CooperativeApp.StartAsync(services: s => s.AddScoped<IPolicyStore, OnlyThisYearPolicyStore>());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Contribution_and_subsidies_come_from_the_policy_of_the_year()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);

        var receipt = await (await window.GetAsync($"/api/receipts/{ThisYear}-000001")).ShouldBeOkAsync<JsonElement>();

        (receipt.GetProperty("individualAmount").GetDecimal(), receipt.GetProperty("civilAffairsAmount").GetDecimal(),
            receipt.GetProperty("policyVersion").GetInt32()).Should().Be((361m, 180.50m, 3));
        (await _app.Database!.ScalarAsync<decimal>(
            "SELECT SUM(Debit) FROM journal_lines WHERE AccountCode LIKE '1101.%'")).Should().Be(3 * (300m + 120m + 99.99m));
    }

    [Fact]
    public async Task A_year_without_a_policy_cannot_be_enrolled()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);

        var response = await EnrollAsync(window, IdOf(wangs), ThisYear + 1, MemberIds(wangs));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "policy_missing");
    }

    private sealed class OnlyThisYearPolicyStore : IPolicyStore
    {
        public Task<PolicyInForce?> InForceAsync(int fundYear, DateOnly date, CancellationToken ct) =>
            Task.FromResult(fundYear == ThisYear
                ? new PolicyInForce(fundYear, 3, 180.50m, new SubsidyShares(300m, 120m, 99.99m), 0.03m, 90, DefaultPolicy.Rules)
                : null);
    }
}
