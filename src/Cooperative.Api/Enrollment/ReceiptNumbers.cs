using System.Globalization;
using Cooperative.Api.Data;
using Cooperative.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// Hands out receipt numbers per fund year. On MariaDB/MySQL the counter row is advanced on a connection of
/// its own and committed at once, so that concurrent windows never wait on it for the length of their
/// transactions; a failed enrolment leaves a gap (a voided number), never a repeat (a unique index guards
/// them too). On SQLite (one writer at a time) the next number is read inside the enrolment's own transaction.
/// </summary>
public sealed class ReceiptNumberAllocator
{
    public async Task<string> TakeAsync(CooperativeDbContext db, int fundYear, CancellationToken ct) =>
        ReceiptNumber.Format(fundYear, db.Database.IsMySql() ? await NextOnMySqlAsync(db, fundYear, ct) : await NextOnSqliteAsync(db, fundYear, ct));

    private static async Task<long> NextOnMySqlAsync(CooperativeDbContext db, int year, CancellationToken ct)
    {
        await using var connection = new MySqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO receipt_sequences (`Year`, `Next`) VALUES (@year, 1) ON DUPLICATE KEY UPDATE `Year` = `Year`;
            UPDATE receipt_sequences SET `Next` = LAST_INSERT_ID(`Next` + 1) WHERE `Year` = @year;
            SELECT LAST_INSERT_ID();
            """;
        command.Parameters.AddWithValue("@year", year);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) - 1;
    }

    private static async Task<long> NextOnSqliteAsync(CooperativeDbContext db, int year, CancellationToken ct)
    {
        var prefix = ReceiptNumber.PrefixOf(year);
        var last = await db.Receipts.Where(r => r.Number.StartsWith(prefix))
            .OrderByDescending(r => r.Number).Select(r => r.Number).FirstOrDefaultAsync(ct);
        return (last is null ? 0 : long.Parse(last[prefix.Length..], CultureInfo.InvariantCulture)) + 1;
    }
}
