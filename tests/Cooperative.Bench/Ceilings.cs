using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>What the database itself can do on this machine, measured in the same run as the API figures.</summary>
public static class Ceilings
{
    /// <summary>Single-row INSERTs, each its own durable commit, from <paramref name="workers"/> connections at once.</summary>
    public static async Task<LoadResult> SingleRowCommitsAsync(string connectionString, int workers, TimeSpan duration)
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
            });
        }
        finally { await CloseAsync(connections); }
    }

    /// <summary>Primary-key SELECTs over a 100,000-row table from <paramref name="workers"/> connections at once.</summary>
    public static async Task<LoadResult> PrimaryKeySelectsAsync(string connectionString, int workers, TimeSpan duration)
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
            });
        }
        finally { await CloseAsync(connections); }
    }

    /// <summary>MySqlBulkCopy of <paramref name="rows"/> ten-column rows: rows per second.</summary>
    public static async Task<double> BulkCopyRowsPerSecondAsync(string connectionString, int rows)
    {
        await ExecAsync(connectionString, """
            DROP TABLE IF EXISTS bench_bulk;
            CREATE TABLE bench_bulk (id BIGINT PRIMARY KEY, a VARCHAR(36), b VARCHAR(64), c DECIMAL(18,2), d DECIMAL(18,2),
              e INT, f DATETIME(6), g VARCHAR(32), h VARCHAR(32), i INT) ENGINE=InnoDB;
            """);
        var table = new System.Data.DataTable();
        foreach (var (name, type) in new[] { ("id", typeof(long)), ("a", typeof(string)), ("b", typeof(string)), ("c", typeof(decimal)), ("d", typeof(decimal)),
                     ("e", typeof(int)), ("f", typeof(DateTime)), ("g", typeof(string)), ("h", typeof(string)), ("i", typeof(int)) })
            table.Columns.Add(name, type);
        var now = DateTime.UtcNow;
        for (var r = 0; r < rows; r++)
            table.Rows.Add((long)r, Guid.NewGuid().ToString(), $"张三{r}", 123.45m, 67.89m, r % 100, now, "330199101", "330199101001", 1);
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true }.ConnectionString);
        await connection.OpenAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await new MySqlBulkCopy(connection) { DestinationTableName = "bench_bulk" }.WriteToServerAsync(table);
        return result.RowsInserted / started.Elapsed.TotalSeconds;
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
