using System.Diagnostics;
using MySqlConnector;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>
/// The MariaDB server the integration tests use: <c>COOPERATIVE_TEST_MYSQL</c> (a connection string to a
/// server where the account may create databases), set by <c>tests/run.sh</c>. When it is not set, the local
/// server from <c>db/mariadb-start.sh</c> is started (and installed if missing), so that a plain
/// <c>dotnet test</c> works too.
/// </summary>
public static class TestServer
{
    private static readonly Lazy<string> Server = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Server.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("COOPERATIVE_TEST_MYSQL");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var start = Process.Start(new ProcessStartInfo("bash", Path.Combine(RepositoryRoot, "db", "mariadb-start.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = start.StandardOutput.ReadToEnd();
        var errors = start.StandardError.ReadToEnd();
        start.WaitForExit();
        if (start.ExitCode != 0) throw new InvalidOperationException($"db/mariadb-start.sh failed: {errors}");
        return output.Trim().Split('\n').Last();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cooperative.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cooperative.sln not found above the test binaries.");
    }
}

/// <summary>A database of its own for one test, dropped when the test ends: no test shares state with another.</summary>
public sealed class MariaDbDatabase : IAsyncDisposable
{
    private MariaDbDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<MariaDbDatabase> CreateAsync()
    {
        var name = $"coop_t_{Guid.NewGuid():N}"[..30];
        await ExecuteOnServerAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var builder = new MySqlConnectionStringBuilder(TestServer.ConnectionString) { Database = name };
        return new MariaDbDatabase(name, builder.ConnectionString);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the database. Sessions still attached to it (a request the app had not finished when it stopped)
    /// are killed first: one holding a metadata lock would keep DROP DATABASE waiting past its timeout.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        var builder = new MySqlConnectionStringBuilder(TestServer.ConnectionString) { Database = "", Pooling = false };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var sessions = new List<long>();
        await using (var list = new MySqlCommand("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = @db AND ID <> CONNECTION_ID()", connection))
        {
            list.Parameters.AddWithValue("@db", Name);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sessions.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var id in sessions)
        {
            await using var kill = new MySqlCommand($"KILL {id}", connection);
            try { await kill.ExecuteNonQueryAsync(); } catch (MySqlException) { /* it ended meanwhile */ }
        }
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection) { CommandTimeout = 120 };
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        // Unpooled, and tried again once: a pooled server connection killed or reset meanwhile answered
        // "incomplete response" to CREATE DATABASE once in a full run.
        var builder = new MySqlConnectionStringBuilder(TestServer.ConnectionString) { Database = "", Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new MySqlConnection(builder.ConnectionString);
                await connection.OpenAsync();
                await using var command = new MySqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (MySqlException) when (attempt < 3)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}
