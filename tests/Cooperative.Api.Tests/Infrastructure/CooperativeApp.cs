using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>
/// The real API in process, on a database of its own (MariaDB by default, SQLite where a test says so),
/// with the demo accounts of the Development configuration. Tokens come from the real token endpoint.
/// </summary>
public sealed partial class CooperativeApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _services;

    private CooperativeApp(Dictionary<string, string?> settings, string environment, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _environment = environment;
        _services = services;
    }

    public MariaDbDatabase? Database { get; private init; }

    /// <summary>The app's checkpoint file outside the database.</summary>
    public string CheckpointFile => _settings["Audit:CheckpointFile"]!;

    /// <param name="clock">A fixed clock for tests whose rules depend on the date (fund years, deadlines).</param>
    /// <param name="services">Replaces services for this app (a fake policy store, say), after the app's own registrations.</param>
    public static Task<CooperativeApp> StartAsync(Action<Dictionary<string, string?>>? configure = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null) =>
        StartOnMariaDbAsync(configure, clock, services, kestrel: false);

    private static async Task<CooperativeApp> StartOnMariaDbAsync(Action<Dictionary<string, string?>>? configure, TimeProvider? clock,
        Action<IServiceCollection>? services, bool kestrel)
    {
        try
        {
            return await StartOnNewDatabaseAsync(configure, clock, services, kestrel);
        }
        catch (Exception e) when (IsCutConnection(e))
        {
            // The server cut a connection while the app prepared its database: seen in a full run as other tests'
            // databases were being dropped alongside (their sessions killed). Once more, on a database of its own.
            return await StartOnNewDatabaseAsync(configure, clock, services, kestrel);
        }
    }

    private static bool IsCutConnection(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is MySqlConnector.MySqlEndOfStreamException) return true;
        return false;
    }

    private static async Task<CooperativeApp> StartOnNewDatabaseAsync(Action<Dictionary<string, string?>>? configure, TimeProvider? clock,
        Action<IServiceCollection>? services, bool kestrel)
    {
        var database = await MariaDbDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["Database:ServerVersion"] = "10.11.0-mariadb",
            ["ConnectionStrings:Cooperative"] = database.ConnectionString,
            // One certificate for the whole run: generating ephemeral RSA keys for every app costs seconds.
            ["Authentication:SigningCertificate:Path"] = TestCertificates.Shared,
            // The chain's checkpoints outside the database: a file of this app's own.
            ["Audit:CheckpointFile"] = Path.Combine(Path.GetTempPath(), $"coop-checkpoints-{Guid.NewGuid():N}.jsonl"),
            // Tests sign in far more often than people do; the limits' own tests set them low.
            ["Authentication:TokenRateLimits:PerAddress"] = "100000",
            ["Authentication:TokenRateLimits:PerAccount"] = "100000",
        };
        configure?.Invoke(settings);
        var app = new CooperativeApp(settings, "Testing", services) { Database = database, _clock = clock, _onKestrel = kestrel };
        try
        {
            _ = app.Server; // boots the host: migrations and seeding run now, not inside the first request
        }
        catch (Exception e) when (IsCutConnection(e))
        {
            await database.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>
    /// A second instance of the API on <paramref name="first"/>'s database (as two instances behind a load balancer):
    /// its settings, with <paramref name="configure"/>'s changes; the database stays the first app's to drop.
    /// </summary>
    public static CooperativeApp StartAlongside(CooperativeApp first, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>(first._settings);
        configure?.Invoke(settings);
        var app = new CooperativeApp(settings, first._environment, first._services) { _clock = first._clock };
        _ = app.Server;
        return app;
    }

    public static CooperativeApp StartSqlite(string file, string environment = "Testing", Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cooperative"] = $"Data Source={file}",
            ["Audit:CheckpointFile"] = file + ".checkpoints.jsonl",
            ["Authentication:TokenRateLimits:PerAddress"] = "100000",
            ["Authentication:TokenRateLimits:PerAccount"] = "100000",
        };
        configure?.Invoke(settings);
        return new CooperativeApp(settings, environment) { _clock = clock };
    }

    // UseSetting, not ConfigureAppConfiguration: Program reads its configuration before Build(), and only
    // host settings are visible that early with the minimal hosting model.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_environment == "Testing")
        {
            var contentRoot = Path.Combine(TestServer.RepositoryRoot, "src", "Cooperative.Api");
            var development = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(contentRoot, "appsettings.Development.json"), optional: false).Build();
            foreach (var (key, value) in development.AsEnumerable().Where(kv => kv.Value is not null))
                builder.UseSetting(key, value);
        }
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_clock is { } clock) builder.ConfigureServices(services => services.AddSingleton(clock));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        var response = await PasswordGrantAsync(userName, password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"the token endpoint said {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> PasswordGrantAsync(string userName, string password) =>
        NewClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = userName, ["password"] = password,
        }));

    public Task<HttpResponseMessage> ClientCredentialsGrantAsync(string clientId, string secret) =>
        NewClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));

    /// <summary>A client signed in as the demo user of a role (admin, window, reviewer, auditor).</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var token = await TokenAsync(role, DemoPassword(role));
        return WithToken(token);
    }

    public async Task<HttpClient> FacilityClientAsync(string facilityCode = "H0001")
    {
        var response = await ClientCredentialsGrantAsync($"facility-{facilityCode}", $"demo-facility-{facilityCode}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"the token endpoint said {body}");
        return WithToken(body.GetProperty("access_token").GetString()!);
    }

    public static string DemoPassword(string role) => $"demo-{role}-2026";

    public HttpClient WithToken(string token)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeKestrelAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
