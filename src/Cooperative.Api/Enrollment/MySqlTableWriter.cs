using System.Data;
using System.Text;
using MySqlConnector;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// Appends rows to a MariaDB/MySQL table inside a transaction: by MySqlBulkCopy, or by INSERT statements of
/// <see cref="RowsPerInsert"/> rows. Either way every row must land: a skipped duplicate or a truncated value
/// (LOAD DATA only warns about them) fails the whole import. The rows are laid out first (<see cref="Rows{T}"/>),
/// apart from the connection, so that the next table's rows can be made ready while the server loads this one's.
/// </summary>
internal sealed class MySqlTableWriter(MySqlConnection connection, MySqlTransaction transaction, bool bulkCopy)
{
    public const int RowsPerInsert = 1000;

    /// <summary>The rows of <paramref name="items"/> for <paramref name="table"/>, one column per (name, value) pair.</summary>
    public static DataTable Rows<T>(string table, IReadOnlyList<T> items, params (string Column, Func<T, object?> Value)[] columns)
    {
        var data = new DataTable(table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (column, _) in columns) data.Columns.Add(column, typeof(object));
        data.BeginLoadData();
        var values = new object[columns.Length];
        foreach (var item in items)
        {
            for (var i = 0; i < columns.Length; i++) values[i] = columns[i].Value(item) ?? DBNull.Value;
            data.Rows.Add(values);
        }
        data.EndLoadData();
        return data;
    }

    public async Task WriteAsync(DataTable rows, CancellationToken ct)
    {
        if (rows.Rows.Count == 0) return;
        if (bulkCopy) await CopyAsync(rows, ct);
        else
            foreach (var batch in rows.Rows.Cast<DataRow>().Chunk(RowsPerInsert)) await InsertAsync(rows, batch, ct);
    }

    private async Task CopyAsync(DataTable rows, CancellationToken ct)
    {
        var copy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = $"`{rows.TableName}`", BulkCopyTimeout = 600 };
        for (var i = 0; i < rows.Columns.Count; i++) copy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, rows.Columns[i].ColumnName));
        MySqlBulkCopyResult result;
        try
        {
            result = await copy.WriteToServerAsync(rows, ct);
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.BulkCopyFailed)
        {
            throw new ImportConflictException($"{rows.TableName}: {e.Message}");
        }
        if (result.RowsInserted != rows.Rows.Count || result.Warnings.Count > 0)
            throw new ImportConflictException(
                $"{rows.TableName}: {result.RowsInserted} of {rows.Rows.Count} rows stored; {string.Join("; ", result.Warnings.Select(w => w.Message))}");
    }

    private async Task InsertAsync(DataTable rows, DataRow[] batch, CancellationToken ct)
    {
        await using var command = new MySqlCommand { Connection = connection, Transaction = transaction };
        var sql = new StringBuilder($"INSERT INTO `{rows.TableName}` (")
            .AppendJoin(", ", rows.Columns.Cast<DataColumn>().Select(c => $"`{c.ColumnName}`")).Append(") VALUES ");
        for (var row = 0; row < batch.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var col = 0; col < rows.Columns.Count; col++)
            {
                var name = $"@p{row}_{col}";
                sql.Append(col == 0 ? name : ", " + name);
                command.Parameters.AddWithValue(name, batch[row][col]);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The database did not take every row of an import (someone stored the same persons meanwhile).</summary>
public sealed class ImportConflictException(string message) : Exception(message);
