using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Facilities;

/// <summary>The calls the facility tests make again and again, over HTTP like any client.</summary>
internal static class FacilityCalls
{
    /// <summary>Today in the county (UTC+8): inside the seeded letter's term, and never in the future.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static object Finding(int duty, bool warning = false, decimal? penalty = null, bool suspend = false,
        string description = "抽查住院病历，发现问题") => new { dutyNumber = duty, description, warning, penalty, suspend };

    public static Task<HttpResponseMessage> InspectAsync(this HttpClient admin, string code, params object[] findings) =>
        admin.PostAsJsonAsync($"/api/facilities/{code}/inspections",
            new { inspectedOn = Today.Iso(), inspectors = "王建国、李芳", summary = "年度监督检查", findings });

    public static async Task<JsonElement> InspectOkAsync(this HttpClient admin, string code, params object[] findings) =>
        await (await admin.InspectAsync(code, findings)).ShouldBeOkAsync<JsonElement>(System.Net.HttpStatusCode.Created);

    public static async Task<JsonElement> EligibilityAsync(this HttpClient client, string code, DateOnly? date = null) =>
        await (await client.GetAsync($"/api/facilities/{code}/eligibility?date={(date ?? Today).Iso()}")).ShouldBeOkAsync<JsonElement>();

    public static async Task<string> StatusOfAsync(this HttpClient staff, string code) =>
        (await (await staff.GetAsync($"/api/facilities/{code}")).ShouldBeOkAsync<JsonElement>()).GetProperty("status").GetString()!;

    public static Task<HttpResponseMessage> ChangeStatusAsync(this HttpClient admin, string code, string status, string reason = "监督检查决定") =>
        admin.PostAsJsonAsync($"/api/facilities/{code}/status", new { status, reason });

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
