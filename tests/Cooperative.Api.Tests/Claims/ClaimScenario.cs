using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Claims;

/// <summary>
/// A county in 2026: the Wangs enrolled on 5 January, the claims made in November (the app's clock moves on,
/// and tokens are taken after it does).
/// </summary>
internal sealed class ClaimScenario : IAsyncDisposable
{
    public required CooperativeApp App { get; init; }
    public required FixedClock Clock { get; init; }
    public required JsonElement Household { get; init; }
    public HttpClient Window { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient CityHospital { get; private set; } = null!;

    /// <summary>What the fund's bank account held when the county opened its books on 1 January.</summary>
    public const decimal OpeningBank = 500_000m;

    /// <param name="beforeEnrolment">Runs on 5 January after the books are opened (e.g. to add a policy version from the 6th).</param>
    public static async Task<ClaimScenario> StartAsync(Func<CooperativeApp, Task>? beforeEnrolment = null)
    {
        var clock = FixedClock.At(2026, 1, 5);
        var app = await CooperativeApp.StartAsync(clock: clock);
        await Fund.LedgerScenario.OpenBooksAsync(await app.ClientForAsync("admin"), "2026-01-01", OpeningBank);
        if (beforeEnrolment is not null) await beforeEnrolment(app);
        var household = await Households.EnrolledWangsAsync(await app.ClientForAsync("window"));
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var scenario = new ClaimScenario { App = app, Clock = clock, Household = household };
        scenario.Window = await app.ClientForAsync("window");
        scenario.Admin = await app.ClientForAsync("admin");
        scenario.CityHospital = await app.FacilityClientAsync("H0001");
        return scenario;
    }

    /// <summary>The county-hospital bill of the hand calculation: fund 3,080, patient 2,420.</summary>
    public static object InpatientBill(Member patient, string invoice = "FP-0001", string admitted = "2026-11-10", string discharged = "2026-11-15") => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient", admissionDate = admitted, dischargeDate = discharged, diagnosisCode = "K35.8", referred = true,
        invoiceNumber = invoice,
        lines = new object[]
        {
            new { code = "S0002", name = "住院诊查费", quantity = 10m, unitPrice = 300m, amount = 3000m },
            new { code = "D0003", name = "左氧氟沙星注射液", quantity = 40m, unitPrice = 50m, amount = 2000m },
            new { code = "D0901", name = "冬虫夏草", quantity = 1m, unitPrice = 500m, amount = 500m },
        },
    };

    public static object BigBill(Member patient, string invoice, string admitted = "2026-11-01", string discharged = "2026-11-12") => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient", admissionDate = admitted, dischargeDate = discharged, diagnosisCode = "C34.9", referred = true,
        invoiceNumber = invoice, lines = new object[] { new { code = "S0014", name = "手术", amount = 40000m } },
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, object bill, string key, string path = "/api/claims")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(bill) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public async Task<decimal> InpatientPaidAsync(string idNumber) =>
        await App.Database!.ScalarAsync<decimal>(
            $"SELECT CAST(COALESCE(JSON_VALUE(e.UsageJson, '$.inpatient'), '0') AS DECIMAL(18,2)) FROM enrollments e JOIN persons p ON p.Id = e.PersonId WHERE p.IdNumber = '{idNumber}' AND e.FundYear = 2026");

    public async Task<decimal> BalanceAsync(string account, string? facility = null) =>
        await App.Database!.ScalarAsync<decimal>(
            $"SELECT COALESCE(SUM(Debit) - SUM(Credit), 0) FROM journal_lines WHERE AccountCode = '{account}'" +
            (facility is null ? "" : $" AND FacilityCode = '{facility}'"));

    public async Task InvariantHoldsAsync()
    {
        var report = await (await Admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        report.GetProperty("holds").GetBoolean().Should().BeTrue(report.ToString());
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
