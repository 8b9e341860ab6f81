using System.Diagnostics;
using MySqlConnector;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>Runs a SQL script through the mariadb command-line client, as a DBA would (DELIMITER and all).</summary>
public static class MariaDbClient
{
    public static async Task RunScriptAsync(string connectionString, string scriptPath)
    {
        var c = new MySqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("mariadb",
            ["--no-defaults", "--protocol=tcp", $"--host={c.Server}", $"--port={c.Port}", $"--user={c.UserID}", c.Database])
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["MYSQL_PWD"] = c.Password },
        };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(scriptPath));
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, errors);
    }
}
