using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.OpenApi;

/// <summary>The document's examples are requests that succeed, sent in order to a fresh database with the demo accounts.</summary>
public sealed class OpenApiExamplesTests : OpenApiAppTests
{
    [Fact]
    public async Task The_examples_register_enrol_check_claim_twice_and_file_a_complaint()
    {
        var window = await App.ClientForAsync("window");

        var household = await (await window.PostAsync("/api/households", Body("post", "/api/households")))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var enrolment = JsonNode.Parse(Example("post", "/api/households/{id}/enrollments").GetRawText())!;
        enrolment["personIds"] = new JsonArray(household.GetProperty("members").EnumerateArray()
            .Select(m => JsonValue.Create(m.GetProperty("personId").GetGuid())).ToArray<JsonNode?>());
        await (await window.PostAsJsonAsync($"/api/households/{household.GetProperty("id").GetGuid()}/enrollments", enrolment))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var coverage = await (await window.GetAsync($"/api/coverage?{Query("get", "/api/coverage")}")).ShouldBeOkAsync<JsonElement>();
        coverage.GetProperty("covered").GetBoolean().Should().BeTrue(coverage.ToString());

        var facility = await App.FacilityClientAsync("H0001");
        var settled = await (await facility.SendAsync(Submission("/api/claims"))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        settled.GetProperty("number").GetString().Should().StartWith("BX-");
        await (await window.SendAsync(Submission("/api/claims/window"))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        await (await App.CreateClient().PostAsync("/api/public/complaints", Body("post", "/api/public/complaints")))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
    }

    private HttpRequestMessage Submission(string path) => new(HttpMethod.Post, path)
    {
        Content = Body("post", path),
        Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
    };

    private JsonElement Example(string method, string path) =>
        OpenApiDocument.Operation(Document, method, path).GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("example");

    private StringContent Body(string method, string path) =>
        new(Example(method, path).GetRawText(), System.Text.Encoding.UTF8, "application/json");

    private string Query(string method, string path) => string.Join("&",
        OpenApiDocument.Operation(Document, method, path).GetProperty("parameters").EnumerateArray()
            .Where(p => p.TryGetProperty("example", out _))
            .Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(p.GetProperty("example").GetString()!)}"));
}
