using System.Data;
using System.Text;
using MySqlConnector;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// Appends rows to a MariaDB/MySQL table inside a transaction: by MySqlBulkCopy, or by INSERT statements of
/// <see cref="RowsPerInsert"/> rows. Either way every row must land: a skipped duplicate or a truncated value
/// (LOAD DATA only warns about them) fails the whole import.
/// </summary>
internal sealed class MySqlTableWriter(MySqlConnection connection, MySqlTransaction transaction, bool bulkCopy)
{
    public const int RowsPerInsert = 1000;

    public async Task WriteAsync<T>(string table, IReadOnlyList<T> items, CancellationToken ct,
        params (string Column, Func<T, object?> Value)[] columns)
    {
        if (items.Count == 0) return;
        if (bulkCopy) await CopyAsync(table, items, columns, ct);
        else
            foreach (var batch in items.Chunk(RowsPerInsert)) await InsertAsync(table, batch, columns, ct);
    }

    private async Task CopyAsync<T>(string table, IReadOnlyList<T> items, (string Column, Func<T, object?> Value)[] columns,
        CancellationToken ct)
    {
        using var data = new DataTable(table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (column, _) in columns) data.Columns.Add(column, typeof(object));
        foreach (var item in items) data.Rows.Add(columns.Select(c => c.Value(item) ?? DBNull.Value).ToArray());
        var copy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = $"`{table}`", BulkCopyTimeout = 600 };
        for (var i = 0; i < columns.Length; i++) copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, columns[i].Column));
        MySqlBulkCopyResult result;
        try
        {
            result = await copy.WriteToServerAsync(data, ct);
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.BulkCopyFailed)
        {
            throw new ImportConflictException($"{table}: {e.Message}");
        }
        if (result.RowsInserted != items.Count || result.Warnings.Count > 0)
            throw new ImportConflictException(
                $"{table}: {result.RowsInserted} of {items.Count} rows stored; {string.Join("; ", result.Warnings.Select(w => w.Message))}");
    }

    private async Task InsertAsync<T>(string table, T[] batch, (string Column, Func<T, object?> Value)[] columns, CancellationToken ct)
    {
        await using var command = new MySqlCommand { Connection = connection, Transaction = transaction };
        var sql = new StringBuilder($"INSERT INTO `{table}` (")
            .AppendJoin(", ", columns.Select(c => $"`{c.Column}`")).Append(") VALUES ");
        for (var row = 0; row < batch.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var col = 0; col < columns.Length; col++)
            {
                var name = $"@p{row}_{col}";
                sql.Append(col == 0 ? name : ", " + name);
                command.Parameters.AddWithValue(name, columns[col].Value(batch[row]) ?? DBNull.Value);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The database did not take every row of an import (someone stored the same persons meanwhile).</summary>
public sealed class ImportConflictException(string message) : Exception(message);
