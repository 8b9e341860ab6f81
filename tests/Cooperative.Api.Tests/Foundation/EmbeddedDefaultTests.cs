using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Foundation;

/// <summary>The embedded default: SQLite, migrated and seeded on start, with its own token server.</summary>
public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task The_api_starts_on_sqlite_and_serves_tokens_and_health()
    {
        await using var app = CooperativeApp.StartSqlite(_file);

        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await (await (await app.ClientForAsync("admin")).GetAsync("/api/me")).ShouldBeOkAsync<JsonElement>();
        me.GetProperty("role").GetString().Should().Be("admin");
        File.Exists(_file).Should().BeTrue();
    }

    [Fact]
    public async Task The_ledger_posts_numbers_and_balances_on_sqlite_too()
    {
        await using var app = CooperativeApp.StartSqlite(_file);
        var admin = await app.ClientForAsync("admin");
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 2; i++)
            (await Fund.LedgerScenario.PostAsync(admin, Fund.LedgerScenario.Entry(today, "利息收入",
                Fund.LedgerScenario.Line("1001", 10.05m, 0m), Fund.LedgerScenario.Line("4201", 0m, 10.05m))))
                .GetProperty("number").GetString().Should().EndWith($"-{i + 1:000000}");

        var trial = await Fund.LedgerScenario.GetAsync(admin, $"/api/ledger/trial-balance?date={today}");

        Fund.LedgerScenario.Balance(trial, "1001").Should().Be(20.10m);
        trial.GetProperty("balanced").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Starting_twice_on_the_same_file_seeds_nothing_twice()
    {
        await using (var first = CooperativeApp.StartSqlite(_file)) _ = first.Server;
        await using var second = CooperativeApp.StartSqlite(_file);

        var staff = await (await (await second.ClientForAsync("admin")).GetAsync("/api/staff")).ShouldBeOkAsync<JsonElement>();

        staff.GetArrayLength().Should().Be(4);
    }
}

public sealed class ProductionGuardTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public void Production_refuses_to_start_without_a_signing_certificate()
    {
        using var app = CooperativeApp.StartSqlite(_file, "Production");

        var start = () => app.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*SigningCertificate*");
    }

    [Fact]
    public void Production_refuses_to_start_with_demo_accounts_configured()
    {
        var certificate = TestCertificates.WriteSelfSigned();
        using var app = CooperativeApp.StartSqlite(_file, "Production", s =>
        {
            s["Authentication:SigningCertificate:Path"] = certificate;
            s["Demo:Users:0:UserName"] = "admin";
            s["Demo:Users:0:Password"] = "demo-admin-2026";
            s["Demo:Users:0:Role"] = "admin";
            s["Demo:Users:0:DisplayName"] = "管理员";
        });

        var start = () => app.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*Demo*Production*");
    }

    [Fact]
    public void Production_refuses_to_start_without_an_audit_key()
    {
        var certificate = TestCertificates.WriteSelfSigned();
        using var app = CooperativeApp.StartSqlite(_file, "Production", s => s["Authentication:SigningCertificate:Path"] = certificate);

        var start = () => app.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*audit key*");
    }

    [Fact]
    public async Task Production_with_a_certificate_and_no_demo_accounts_starts_with_no_users()
    {
        var certificate = TestCertificates.WriteSelfSigned();
        await using var app = CooperativeApp.StartSqlite(_file, "Production", s =>
        {
            s["Authentication:SigningCertificate:Path"] = certificate;
            s["Audit:KeyId"] = "prod-1";
            s["Audit:Keys:prod-1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        });

        var response = await app.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.PasswordGrantAsync("admin", "demo-admin-2026")).IsSuccessStatusCode.Should().BeFalse();
    }
}
