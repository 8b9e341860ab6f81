using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Claims;

public sealed class CapConcurrencyTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Claims_racing_for_the_last_yuan_of_the_cap_never_pass_it()
    {
        // Each bill alone pays (5,000 − 400) × 70 % + 35,000 × 80 % = 31,220; eight of them would pay 249,760.
        var window = await _s.App.ClientForAsync("window");
        var tcm = await _s.App.FacilityClientAsync("H0002");
        // Eight stays one after the other (the same stay twice would be one bill: refused as a duplicate).
        var submissions = Enumerable.Range(0, 8).Select(i => SubmitAsync(i % 2 == 0 ? _s.CityHospital : tcm,
            BigBill(Head, $"BIG-{i}", $"2026-{9 + (i / 4):00}-{(i % 4 * 7) + 1:00}", $"2026-{9 + (i / 4):00}-{(i % 4 * 7) + 6:00}"), $"race-{i}"));

        var responses = await Task.WhenAll(submissions);

        var claims = new List<JsonElement>();
        foreach (var r in responses) claims.Add(await r.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created));
        claims.Sum(c => c.GetProperty("fundPays").GetDecimal()).Should().Be(150000m, "the annual cap, exactly");
        claims.Count(c => c.GetProperty("fundPays").GetDecimal() == 31220m).Should().Be(4);
        claims.Count(c => c.GetProperty("fundPays").GetDecimal() == 150000m - (4 * 31220m)).Should().Be(1);
        (await _s.InpatientPaidAsync(Head.IdNumber)).Should().Be(150000m);
        (await _s.BalanceAsync("5001.04")).Should().Be(150000m);

        var coverage = await (await window.GetAsync($"/api/coverage?idNumber={Head.IdNumber}&date=2026-11-20")).ShouldBeOkAsync<JsonElement>();
        coverage.ToString().Should().Contain("\"inpatient\":0");
        await _s.InvariantHoldsAsync();
    }
}

public sealed class CostFlagTests : IAsyncLifetime
{
    private ClaimScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_county_hospital_far_above_the_average_of_its_level_is_flagged()
    {
        // City hospital: two admissions of 5,500; TCM hospital: one of 40,000. County level average 17,000.
        await SubmitAsync(_s.CityHospital, InpatientBill(Head, "C-1"), "c-1");
        await SubmitAsync(_s.CityHospital, InpatientBill(Son, "C-2"), "c-2");
        await SubmitAsync(await _s.App.FacilityClientAsync("H0002"), BigBill(Wife, "T-1"), "t-1");

        var result = await (await _s.Window.GetAsync("/api/facilities/cost-flags?month=2026-11")).ShouldBeOkAsync<JsonElement>();

        var facilities = result.GetProperty("facilities").EnumerateArray().ToDictionary(f => f.GetProperty("facilityCode").GetString()!);
        facilities["H0002"].GetProperty("flagged").GetBoolean().Should().BeTrue();
        facilities["H0002"].GetProperty("levelAverage").GetDecimal().Should().Be(17000m);
        facilities["H0001"].GetProperty("flagged").GetBoolean().Should().BeFalse();
        facilities["H0001"].GetProperty("averageCost").GetDecimal().Should().Be(5500m);
        (await _s.CityHospital.GetAsync("/api/facilities/cost-flags?month=2026-11")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
