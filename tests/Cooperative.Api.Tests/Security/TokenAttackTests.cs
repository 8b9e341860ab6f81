using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperative.Api.Tests.Facilities;
using Cooperative.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// The token endpoint and live tokens under attack, over HTTP against MariaDB: parallel wrong passwords and secrets,
/// rate limits per address (also behind a trusted proxy) and per account, tokens that must stop when their account
/// changes, and forged times.
/// </summary>
public sealed class TokenAttackTests
{
    private static async Task<JsonElement> LockRecordsAsync(CooperativeApp app, string account)
    {
        var auditor = await app.ClientForAsync("auditor");
        return await (await auditor.GetAsync($"/api/audit/records?entityType=AccountLock&entityId={Uri.EscapeDataString(account)}&pageSize=200"))
            .ShouldBeOkAsync<JsonElement>();
    }

    [Fact]
    public async Task Thirty_one_passwords_at_once_with_the_right_one_among_them_check_at_most_five_and_leave_the_account_locked()
    {
        await using var app = await CooperativeApp.StartAsync();
        var right = CooperativeApp.DemoPassword("window");
        var attempts = Enumerable.Range(0, 31).Select(i => i == 17 ? right : $"wrong-password-{i}").ToList();

        var answers = await Task.WhenAll(attempts.Select(p => app.PasswordGrantAsync("window", p)));

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonElement>()));
        var locked = bodies.Count(b => b.TryGetProperty("code", out var c) && c.GetString() == "account_locked");
        var granted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        (locked + granted).Should().BeGreaterThanOrEqualTo(31 - 5, "no more than five wrong passwords are ever checked");
        var records = (await LockRecordsAsync(app, "staff:window")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("action").GetString()).ToList();
        records.Count(a => a is "sign-in-failed" or "locked").Should().BeLessThanOrEqualTo(5);
        records.Should().Contain("locked");

        var after = await app.PasswordGrantAsync("window", right);
        after.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the account is locked, whichever password");
        var body = await after.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().Should().Be("invalid_grant");
        body.GetProperty("code").GetString().Should().Be("account_locked");
        after.Headers.RetryAfter.Should().NotBeNull();

        var admin = await app.ClientForAsync("admin");
        var staff = await (await admin.GetAsync("/api/staff")).ShouldBeOkAsync<JsonElement>();
        staff.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "window").GetProperty("isLockedOut").GetBoolean().Should().BeTrue();
        (await admin.PostAsync("/api/staff/window/unlock", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.PasswordGrantAsync("window", right)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_spelling_of_the_user_name_counts_against_the_same_account()
    {
        await using var app = await CooperativeApp.StartAsync();
        foreach (var spelling in new[] { "Window", "WINDOW", "window ", "wInDoW", "window" })
            await app.PasswordGrantAsync(spelling, "wrong-password-1");

        var body = await (await app.PasswordGrantAsync("window", CooperativeApp.DemoPassword("window"))).Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("code").GetString().Should().Be("account_locked");
    }

    [Fact]
    public async Task Wrong_facility_secrets_in_parallel_lock_the_client_until_an_admin_unlocks_it()
    {
        await using var app = await CooperativeApp.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.ClientCredentialsGrantAsync("facility-H0001", $"not-the-secret-{i}")));

        var refused = await app.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0001");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().Should().Be("invalid_client");
        body.GetProperty("code").GetString().Should().Be("account_locked");
        var records = (await LockRecordsAsync(app, "client:facility-H0001")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("action").GetString()).ToList();
        records.Should().HaveCount(5, "four failures and the fifth that locked; the other fifteen were never checked").And.Contain("locked");

        var admin = await app.ClientForAsync("admin");
        (await admin.PostAsync("/api/facilities/H0001/client/unlock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0001")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_token_endpoint_is_rate_limited_per_account_and_per_address_with_retry_after()
    {
        await using var app = await CooperativeApp.StartAsync(s =>
        {
            s["Authentication:TokenRateLimits:PerAccount"] = "3";
            s["Authentication:TokenRateLimits:PerAddress"] = "6";
        });
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await app.ClientCredentialsGrantAsync("facility-H0002", $"guess-{i}"));
        answers.Take(3).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Unauthorized);
        var limited = answers[3];
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited.Headers.RetryAfter!.Delta.Should().BePositive();
        (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("too_many_requests");

        // Other accounts from the same address: the address's own budget (6) runs out too.
        var more = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) more.Add((await app.PasswordGrantAsync($"nobody-{i}", "x")).StatusCode);
        more.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_limit_is_per_forwarded_address_and_a_forged_header_from_elsewhere_is_ignored()
    {
        await using var app = await CooperativeApp.StartAsync(s =>
        {
            s["Authentication:TokenRateLimits:PerAddress"] = "2";
            s["ReverseProxy:KnownProxies:0"] = "10.0.0.1";
        });
        Task<HttpContext> Send(string from, string? forwardedFor) => app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.Method = "POST";
            c.Request.Path = "/connect/token";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"grant_type=password&username=nobody-{Guid.NewGuid():N}&password=x"));
        });

        // Through the proxy: two residents, two budgets.
        foreach (var resident in new[] { "203.0.113.5", "203.0.113.6" })
        {
            (await Send("10.0.0.1", resident)).Response.StatusCode.Should().Be(400);
            (await Send("10.0.0.1", resident)).Response.StatusCode.Should().Be(400);
            (await Send("10.0.0.1", resident)).Response.StatusCode.Should().Be(429, $"{resident} has used its two");
        }
        // Not from the proxy: X-Forwarded-For is not believed, so a new header each time buys nothing.
        var direct = new List<int>();
        for (var i = 0; i < 3; i++) direct.Add((await Send("198.51.100.7", $"192.0.2.{i}")).Response.StatusCode);
        direct.Should().Equal(400, 400, 429);
    }

    [Fact]
    public async Task Deactivating_changing_the_role_or_locking_an_account_stops_its_live_tokens()
    {
        await using var app = await CooperativeApp.StartAsync();
        var admin = await app.ClientForAsync("admin");
        var window = await app.ClientForAsync("window");
        (await window.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.PostAsync("/api/staff/window/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await window.GetAsync("/api/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        await (await window.PostAsJsonAsync("/api/claims/window", new { })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        (await admin.PostAsync("/api/staff/window/activate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var reviewer = await app.ClientForAsync("reviewer");
        (await reviewer.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync("/api/staff/reviewer/role", new { role = "auditor" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await reviewer.GetAsync("/api/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        var asAuditor = await app.ClientForAsync("reviewer");
        (await (await asAuditor.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>()).GetProperty("role").GetString().Should().Be("auditor");

        window = await app.ClientForAsync("window");
        for (var i = 0; i < 5; i++) await app.PasswordGrantAsync("window", "wrong-password-1");
        await (await window.GetAsync("/api/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        (await app.CreateClient().GetAsync("/api/public/disclosures")).StatusCode.Should().Be(HttpStatusCode.OK, "public pages need no token");

        // Only administrators manage accounts, and a role must be one of the staff roles.
        admin = await app.ClientForAsync("admin");
        await (await admin.PutAsJsonAsync("/api/staff/window/role", new { role = "facility" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PutAsJsonAsync("/api/staff/nobody/role", new { role = "auditor" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "staff_user_not_found");
        var auditor = await app.ClientForAsync("auditor");
        foreach (var (method, url) in new[] { ("PUT", "/api/staff/window/role"), ("POST", "/api/staff/window/activate"),
                     ("POST", "/api/facilities/H0001/client/disable"), ("POST", "/api/facilities/H0001/client/unlock") })
            await (await auditor.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { role = "admin" }) }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostAsync("/api/facilities/X9999/client/disable", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_client_not_found");
    }

    [Fact]
    public async Task A_disabled_client_or_a_suspended_facility_loses_its_live_tokens_within_seconds()
    {
        await using var app = await CooperativeApp.StartAsync();
        var admin = await app.ClientForAsync("admin");
        var h1 = await app.FacilityClientAsync("H0001");
        var h2 = await app.FacilityClientAsync("H0002");
        (await h1.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await h2.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.PostAsync("/api/facilities/H0001/client/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await h1.GetAsync("/api/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        (await app.ClientCredentialsGrantAsync("facility-H0001", "demo-facility-H0001")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await (await admin.ChangeStatusAsync("H0002", "suspended", "拒不配合监督检查")).ShouldBeOkAsync<JsonElement>();
        var started = DateTime.UtcNow;
        HttpStatusCode status;
        do
        {
            status = (await h2.GetAsync("/api/claims")).StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(250);
        } while (DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
        status.Should().Be(HttpStatusCode.Unauthorized);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(7), "the account state is cached for 5 s");
        var grant = await app.ClientCredentialsGrantAsync("facility-H0002", "demo-facility-H0002");
        grant.IsSuccessStatusCode.Should().BeFalse("a suspended facility gets no new token");
    }

    [Fact]
    public async Task A_validly_signed_token_whose_nbf_or_iat_lies_ahead_is_refused_and_a_small_skew_is_allowed()
    {
        await using var app = await CooperativeApp.StartAsync();
        var real = await app.TokenAsync("auditor", CooperativeApp.DemoPassword("auditor"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        (await app.WithToken(Resign(real, p => p["nbf"] = now + 30)).GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK,
            "30 s is within the configured skew, and the re-signed token is otherwise valid");
        await (await app.WithToken(Resign(real, p => p["nbf"] = now + 3600)).GetAsync("/api/claims"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        await (await app.WithToken(Resign(real, p => p["iat"] = now + 3600)).GetAsync("/api/claims"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        (await app.WithToken(Resign(real, p => p["exp"] = now - 600)).GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>The token's payload changed and signed again with the server's own key (what a holder of the key could forge).</summary>
    private static string Resign(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url(parts[1]))!.AsObject();
        change(payload);
        var signed = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestCertificates.Shared, null, X509KeyStorageFlags.EphemeralKeySet);
        using var rsa = certificate.GetRSAPrivateKey()!;
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static byte[] Base64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
