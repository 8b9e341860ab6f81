using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Fund;

/// <summary>
/// October 2026 in the books, by hand: 100 contributions of 150 paid in (15,000), the central subsidy for them
/// receivable (24,000), one county inpatient reimbursement owed to a resident (3,080).
/// </summary>
internal static class LedgerScenario
{
    public static object Line(string account, decimal debit, decimal credit, string? facility = null) =>
        new { accountCode = account, debit, credit, facilityCode = facility };

    public static object Entry(string date, string description, params object[] lines) => new { date, description, lines };

    public static async Task<JsonElement> PostAsync(HttpClient admin, object entry)
    {
        var response = await SendAsync(admin, "/api/ledger/entries", entry);
        return await response.ShouldBeOkAsync<JsonElement>(System.Net.HttpStatusCode.Created);
    }

    /// <summary>A posting request with its Idempotency-Key (a fresh one unless given: a retry passes the same).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    /// <summary>The fund's opening entry: the bank and the pooled fund it holds on the day the county starts on the system.</summary>
    public static async Task OpenBooksAsync(HttpClient admin, string date, decimal bank) =>
        await (await SendAsync(admin, "/api/ledger/opening", new
        {
            date, lines = new[] { Line("1001", bank, 0m), Line("3001", 0m, bank) },
        })).ShouldBeOkAsync<JsonElement>(System.Net.HttpStatusCode.Created);

    public static async Task PostOctoberAsync(HttpClient admin)
    {
        await PostAsync(admin, Entry("2026-10-05", "收取参合缴费", Line("1001", 15000m, 0m), Line("4001.01", 0m, 15000m)));
        await PostAsync(admin, Entry("2026-10-06", "确认中央财政补助", Line("1101.01", 24000m, 0m), Line("4101.01", 0m, 24000m)));
        await PostAsync(admin, Entry("2026-10-20", "住院补偿（县级医院）", Line("5001.04", 3080m, 0m), Line("2002", 0m, 3080m)));
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeOkAsync<JsonElement>();

    public static decimal Balance(JsonElement trialBalance, string code) =>
        trialBalance.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code)
            .GetProperty("balance").GetDecimal();
}
