using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// The sign-in page and the accounts behind it, on MariaDB and on the embedded SQLite default: the whole flow, the
/// lockout it shares with the password grant, the rate limits, and an account that changes between code and token.
/// </summary>
public sealed class ConsoleSignInAccountTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm", _file + ".checkpoints.jsonl" }) File.Delete(f);
    }

    private async Task<CooperativeApp> StartAsync(string database, Action<Dictionary<string, string?>>? configure = null) =>
        database == "SQLite" ? CooperativeApp.StartSqlite(_file, configure: configure) : await CooperativeApp.StartAsync(configure);

    [Theory]
    [InlineData("MariaDB")]
    [InlineData("SQLite")]
    public async Task A_staff_member_signs_in_on_the_page_and_calls_the_api_with_the_role(string database)
    {
        await using var app = await StartAsync(database);
        var console = ConsoleSignIn.For(app);

        var tokens = await console.SignInAsync("reviewer", CooperativeApp.DemoPassword("reviewer"));

        var reviewer = app.WithToken(tokens.GetProperty("access_token").GetString()!);
        (await (await reviewer.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>()).GetProperty("role").GetString().Should().Be("reviewer");
        (await reviewer.GetAsync("/api/claims/review-queue")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await console.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
        var auditor = await app.ClientForAsync("auditor");
        var records = await (await auditor.GetAsync("/api/audit/records?entityType=StaffUser&entityId=reviewer&pageSize=200"))
            .ShouldBeOkAsync<JsonElement>();
        records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("action").GetString()).Should().Contain("signed-in");
    }

    [Theory]
    [InlineData("MariaDB")]
    [InlineData("SQLite")]
    public async Task Wrong_passwords_on_the_page_count_toward_the_same_lockout_as_the_password_grant(string database)
    {
        await using var app = await StartAsync(database);
        var console = ConsoleSignIn.For(app);
        var page = await console.OpenPageAsync();
        var right = CooperativeApp.DemoPassword("window");

        for (var i = 0; i < 4; i++) (await SignInPageView.ReadAsync(await console.SubmitAsync(page, "window", $"wrong-{i}"))).Error.Should().Be("用户名或密码错误");
        (await app.PasswordGrantAsync("window", "wrong-4")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var grant = await app.PasswordGrantAsync("window", right);
        (await grant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("account_locked");
        var locked = await console.SubmitAsync(page, "window", right);
        var lockedPage = await SignInPageView.ReadAsync(locked);
        lockedPage.Error.Should().Be("账号因多次密码错误已锁定，请稍后再试或联系管理员解锁", "the right password does not open a locked account");
        locked.Headers.Location.Should().BeNull();
        lockedPage.Hidden.Should().BeEquivalentTo(page.Hidden);

        var auditor = await app.ClientForAsync("auditor");
        var records = await (await auditor.GetAsync("/api/audit/records?entityType=AccountLock&entityId=staff%3Awindow&pageSize=200"))
            .ShouldBeOkAsync<JsonElement>();
        records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("action").GetString()).Should()
            .BeEquivalentTo(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked"]);

        var admin = await app.ClientForAsync("admin");
        (await admin.PostAsync("/api/staff/window/unlock", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        console.CodeOf(await console.SubmitAsync(page, "window", right));
    }

    [Fact]
    public async Task Parallel_wrong_passwords_on_the_page_check_at_most_five()
    {
        await using var app = await StartAsync("MariaDB");
        var console = ConsoleSignIn.For(app);
        var page = await console.OpenPageAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => console.SubmitAsync(page, "auditor", $"wrong-{i}")));

        var errors = await Task.WhenAll(answers.Select(async a => (await SignInPageView.ReadAsync(a)).Error));
        errors.Count(e => e == "用户名或密码错误").Should().BeLessThanOrEqualTo(5);
        errors.Count(e => e.StartsWith("账号因多次密码错误已锁定", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task The_page_says_too_many_requests_when_the_accounts_rate_limit_is_spent()
    {
        await using var app = await StartAsync("MariaDB", s => s["Authentication:TokenRateLimits:PerAccount"] = "2");
        var console = ConsoleSignIn.For(app);
        var page = await console.OpenPageAsync();

        for (var i = 0; i < 2; i++) await console.SubmitAsync(page, "admin", $"wrong-{i}");
        var limited = await console.SubmitAsync(page, "admin", CooperativeApp.DemoPassword("admin"));

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().BePositive();
        (await SignInPageView.ReadAsync(limited)).Error.Should().Be("请求过于频繁，请稍后再试");
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_on_the_page_and_its_code_from_before_gives_no_token()
    {
        await using var app = await StartAsync("MariaDB");
        var console = ConsoleSignIn.For(app);
        var page = await console.OpenPageAsync();
        var code = console.CodeOf(await console.SubmitAsync(page, "window", CooperativeApp.DemoPassword("window")));

        var admin = await app.ClientForAsync("admin");
        (await admin.PostAsync("/api/staff/window/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var exchanged = await console.ExchangeAsync(code);
        exchanged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await exchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_grant");
        var again = await SignInPageView.ReadAsync(await console.SubmitAsync(page, "window", CooperativeApp.DemoPassword("window")));
        again.Error.Should().Be("用户名或密码错误");
    }
}
