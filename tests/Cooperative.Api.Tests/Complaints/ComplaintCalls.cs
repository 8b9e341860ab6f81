using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Complaints;

/// <summary>The calls the complaint tests make again and again, over HTTP like the public page and the staff.</summary>
internal static class ComplaintCalls
{
    public static object AComplaint(string content = "卫生院收取了目录外药品费用却未告知本人。", string category = "facility") =>
        new { category, subject = "东湖镇卫生院", content, contactName = "张三", contactPhone = "13800138000" };

    public static Task<HttpResponseMessage> FileAsync(this HttpClient client, object filing) =>
        client.PostAsJsonAsync("/api/public/complaints", filing);

    /// <summary>Files and returns (number, lookup code).</summary>
    public static async Task<(string Number, string Code)> FileOkAsync(this HttpClient client, object? filing = null)
    {
        var body = await (await client.FileAsync(filing ?? AComplaint())).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        return (body.GetProperty("number").GetString()!, body.GetProperty("lookupCode").GetString()!);
    }

    public static Task<HttpResponseMessage> LookUpAsync(this HttpClient client, string number, string code) =>
        client.GetAsync($"/api/public/complaints/{number}?code={Uri.EscapeDataString(code)}");

    public static Task<HttpResponseMessage> ActAsync(this HttpClient staff, string number, string action, object body) =>
        staff.PostAsJsonAsync($"/api/complaints/{number}/{action}", body);

    public static async Task<JsonElement> ActOkAsync(this HttpClient staff, string number, string action, object body) =>
        await (await staff.ActAsync(number, action, body)).ShouldBeOkAsync<JsonElement>();

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeOkAsync<JsonElement>();

    public static string Text(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static List<string> Numbers(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.Text("number")).ToList();
}
