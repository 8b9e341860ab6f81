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
    private const string Wrong = "用户名或密码错误";
    private const string Locked = "账号因多次密码错误已锁定，请稍后再试或联系管理员解锁";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm", _file + ".checkpoints.jsonl" }) File.Delete(f);
    }

    private async Task<CooperativeApp> StartAsync(string database,
        Action<Dictionary<string, string?>>? settings = null) =>
        database == "SQLite"
            ? CooperativeApp.StartSqlite(_file, configure: settings)
            : await CooperativeApp.StartAsync(settings);

    private static async Task<List<string?>> AuditActionsAsync(CooperativeApp app, string entityType, string entityId)
    {
        var auditor = await app.ClientForAsync("auditor");
        var query = $"entityType={entityType}&entityId={Uri.EscapeDataString(entityId)}&pageSize=200";
        var records = await (await auditor.GetAsync($"/api/audit/records?{query}")).ShouldBeOkAsync<JsonElement>();
        return records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
    }

    private static async Task<string> ErrorAsync(Task<HttpResponseMessage> answer) =>
        (await SignInPageView.ReadAsync(await answer)).Error;

    [Theory]
    [InlineData("MariaDB")]
    [InlineData("SQLite")]
    public async Task A_staff_member_signs_in_on_the_page_and_calls_the_api_with_the_role(string database)
    {
        await using var app = await StartAsync(database);
        var console = ConsoleSignIn.For(app);

        var tokens = await console.SignInAsync("reviewer", CooperativeApp.DemoPassword("reviewer"));

        var reviewer = app.WithToken(tokens.GetProperty("access_token").GetString()!);
        var me = await (await reviewer.GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("role").GetString().Should().Be("reviewer");
        (await reviewer.GetAsync("/api/claims/review-queue")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refreshed = await console.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await AuditActionsAsync(app, "StaffUser", "reviewer")).Should().Contain("signed-in");
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

        for (var i = 0; i < 4; i++)
            (await ErrorAsync(console.SubmitAsync(page, "window", $"wrong-{i}"))).Should().Be(Wrong);
        (await app.PasswordGrantAsync("window", "wrong-4")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var grant = await (await app.PasswordGrantAsync("window", right)).Content.ReadFromJsonAsync<JsonElement>();
        grant.GetProperty("code").GetString().Should().Be("account_locked");
        var locked = await console.SubmitAsync(page, "window", right);
        var lockedPage = await SignInPageView.ReadAsync(locked);
        lockedPage.Error.Should().Be(Locked, "the right password does not open a locked account");
        locked.Headers.Location.Should().BeNull();
        lockedPage.Hidden.Should().BeEquivalentTo(page.Hidden);
        (await AuditActionsAsync(app, "AccountLock", "staff:window")).Should()
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

        var errors = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => ErrorAsync(console.SubmitAsync(page, "auditor", $"wrong-{i}"))));

        errors.Count(e => e == Wrong).Should().BeLessThanOrEqualTo(5);
        errors.Count(e => e == Locked).Should().BeGreaterThanOrEqualTo(15);
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
        (await ConsoleSignIn.ErrorOf(exchanged)).Should().Be("invalid_grant");
        var again = await ErrorAsync(console.SubmitAsync(page, "window", CooperativeApp.DemoPassword("window")));
        again.Should().Be(Wrong);
    }
}
