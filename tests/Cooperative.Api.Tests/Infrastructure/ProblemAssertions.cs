using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cooperative.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer with the given status and stable code; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("code").GetString().Should().Be(code, text);
        body.GetProperty("status").GetInt32().Should().Be((int)status);
        body.TryGetProperty("title", out _).Should().BeTrue();
        return body;
    }

    public static async Task<T> ShouldBeOkAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
    }
}
