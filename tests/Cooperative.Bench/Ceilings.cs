using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>What the database itself can do on this machine, measured in the same run as the API figures.</summary>
public static class Ceilings
{
    /// <summary>Single-row INSERTs, each its own durable commit, from <paramref name="workers"/> connections at once.</summary>
    public static async Task<LoadResult> SingleRowCommitsAsync(string connectionString, int workers, TimeSpan duration, CpuWatch? cpu = null)
    {
        await ExecAsync(connectionString, """
            DROP TABLE IF EXISTS bench_commits;
            CREATE TABLE bench_commits (id BIGINT AUTO_INCREMENT PRIMARY KEY, a VARCHAR(36), b VARCHAR(64), c DECIMAL(18,2), d DECIMAL(18,2),
              e INT, f DATETIME(6), g VARCHAR(32), h VARCHAR(32), i INT) ENGINE=InnoDB;
            """);
        var connections = await OpenAsync(connectionString, workers);
        try
        {
            return await Load.RunAsync(workers, duration, long.MaxValue, async (w, n) =>
            {
                await using var cmd = new MySqlCommand(
                    "INSERT INTO bench_commits (a,b,c,d,e,f,g,h,i) VALUES (UUID(), 'claim', 123.45, 67.89, 1, NOW(6), 'x', 'y', 2)", connections[w]);
                return await cmd.ExecuteNonQueryAsync() == 1;
            }, cpu);
        }
        finally { await CloseAsync(connections); }
    }

    /// <summary>Primary-key SELECTs over a 100,000-row table from <paramref name="workers"/> connections at once.</summary>
    public static async Task<LoadResult> PrimaryKeySelectsAsync(string connectionString, int workers, TimeSpan duration, CpuWatch? cpu = null)
    {
        await ExecAsync(connectionString, """
            DROP TABLE IF EXISTS bench_lookup;
            CREATE TABLE bench_lookup (id INT PRIMARY KEY, name VARCHAR(64), amount DECIMAL(18,2)) ENGINE=InnoDB;
            INSERT INTO bench_lookup SELECT seq, CONCAT('person-', seq), seq / 100 FROM seq_1_to_100000;
            """);
        var connections = await OpenAsync(connectionString, workers);
        try
        {
            return await Load.RunAsync(workers, duration, long.MaxValue, async (w, n) =>
            {
                await using var cmd = new MySqlCommand("SELECT id, name, amount FROM bench_lookup WHERE id = @id", connections[w]);
                cmd.Parameters.AddWithValue("@id", (int)(n * 7919 % 100000) + 1);
                await using var reader = await cmd.ExecuteReaderAsync();
                return await reader.ReadAsync();
            }, cpu);
        }
        finally { await CloseAsync(connections); }
    }

    /// <summary>
    /// The coverage check's own read by hand, from <paramref name="workers"/> connections at once: the person by his ID
    /// number (unique index) with every enrolment and its household's card, one statement, the ID numbers in the
    /// coverage scenario's order.
    /// </summary>
    public static async Task<LoadResult> CoverageQueryAsync(string connectionString, IReadOnlyList<string> idNumbers, int workers, TimeSpan duration,
        CpuWatch? cpu = null)
    {
        var connections = await OpenAsync(connectionString, workers);
        try
        {
            return await Load.RunAsync(workers, duration, long.MaxValue, async (w, n) =>
            {
                await using var cmd = new MySqlCommand("""
                    SELECT p.Id, p.Name, p.IdNumber, p.Status, p.StatusSince, p.Category, e.FundYear, e.EnrolledOn, e.UsageJson, h.CardNumber
                    FROM persons p LEFT JOIN enrollments e ON e.PersonId = p.Id LEFT JOIN households h ON h.Id = e.HouseholdId
                    WHERE p.IdNumber = @id
                    """, connections[w]);
                cmd.Parameters.AddWithValue("@id", idNumbers[(int)(n * 7919 % idNumbers.Count)]);
                await using var reader = await cmd.ExecuteReaderAsync();
                return await reader.ReadAsync();
            }, cpu);
        }
        finally { await CloseAsync(connections); }
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<MySqlConnection[]> OpenAsync(string connectionString, int count)
    {
        var connections = new MySqlConnection[count];
        for (var i = 0; i < count; i++)
        {
            connections[i] = new MySqlConnection(connectionString);
            await connections[i].OpenAsync();
        }
        return connections;
    }

    private static async Task CloseAsync(IEnumerable<MySqlConnection> connections)
    {
        foreach (var c in connections) await c.DisposeAsync();
    }
}
