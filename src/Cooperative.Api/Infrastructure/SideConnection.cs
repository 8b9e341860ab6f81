using MySqlConnector;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// A statement run on a MariaDB/MySQL connection of its own and committed at once (autocommit), outside whatever
/// transaction the caller is in: for counters and rows created once, which concurrent transactions must not queue
/// behind for their whole length.
/// </summary>
internal static class SideConnection
{
    public static async Task<object?> ExecuteScalarAsync(string connectionString, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync(ct);
    }
}
