using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Complaints.ComplaintCalls;

namespace Cooperative.Api.Tests.Complaints;

/// <summary>
/// The abuse limits of the public endpoints with their default configuration, over real HTTP: the request body
/// limit is enforced by the server (Kestrel), which the in-memory test server does not do.
/// </summary>
public sealed class ComplaintAbuseLimitTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartOnKestrelAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_sixth_filing_from_one_address_within_ten_minutes_is_refused_with_429_and_a_retry_time()
    {
        using var client = _app.NewClient();
        var (number, code) = await client.FileOkAsync();
        for (var i = 0; i < 3; i++) await client.FileOkAsync();
        await (await client.FileAsync(new { category = "other" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var refused = await client.FileAsync(AComplaint());

        var body = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        body.Text("title").Should().Be("请求过于频繁，请稍后再试");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeInRange(1, 600);
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM complaints")).Should().Be(4);
        (await client.LookUpAsync(number, code)).StatusCode.Should().Be(HttpStatusCode.OK, "look-ups have a limit of their own");
    }

    [Fact]
    public async Task A_filing_body_over_sixteen_kilobytes_is_refused_with_413_whether_its_length_is_announced_or_not()
    {
        var filing = $$"""{"category":"other","content":"{{new string('x', 17_000)}}","contactName":"王五","contactPhone":"13900000000"}""";

        using var client = _app.NewClient();
        var announced = await client.PostAsync("/api/public/complaints", new StringContent(filing, Encoding.UTF8, "application/json"));
        var streamed = await client.PostAsync("/api/public/complaints",
            JsonContent.Create(new { category = "other", content = new string('x', 17_000), contactName = "王五", contactPhone = "13900000000" }));

        await announced.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await streamed.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM complaints")).Should().Be(0);
    }
}
