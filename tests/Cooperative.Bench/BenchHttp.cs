using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cooperative.Bench;

/// <summary>The bench's helpers for Program.cs: tokens, clients of one connection each, runs repeated.</summary>
internal static class BenchHttp
{
    public static async Task<List<T>> Repeat<T>(int n, Func<Task<T>> run)
    {
        var results = new List<T>();
        for (var i = 0; i < n; i++) results.Add(await run());
        return results;
    }

    public static async Task<string> Token(HttpClient http, string form)
    {
        var response = await http.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("access_token", out var token) && token.GetString() is { } value
            ? value : throw new InvalidOperationException($"no token ({(int)response.StatusCode}): {body}");
    }

    public static HttpClient[] Clients(string api, string token, int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }).ToArray();
}
