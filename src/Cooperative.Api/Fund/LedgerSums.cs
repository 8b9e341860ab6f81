using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fund;

/// <summary>Debit and credit totals of one account (or one facility within an account).</summary>
public sealed record AccountSum(string AccountCode, string? FacilityCode, decimal Debit, decimal Credit);

/// <summary>
/// Sums of journal lines. MariaDB/MySQL sums in SQL (a covering index serves it); SQLite keeps decimals as
/// text and cannot SUM them, so there the lines are summed in memory (the embedded default's books are small).
/// </summary>
public static class LedgerSums
{
    public static async Task<List<AccountSum>> ByAccountAsync(CooperativeDbContext db, IQueryable<JournalLine> lines,
        CancellationToken ct)
    {
        if (db.Database.IsMySql())
            return await lines.GroupBy(l => l.AccountCode)
                .Select(g => new AccountSum(g.Key, null, g.Sum(l => l.Debit), g.Sum(l => l.Credit)))
                .ToListAsync(ct);
        var rows = await lines.Select(l => new { l.AccountCode, l.Debit, l.Credit }).ToListAsync(ct);
        return rows.GroupBy(l => l.AccountCode)
            .Select(g => new AccountSum(g.Key, null, g.Sum(l => l.Debit), g.Sum(l => l.Credit))).ToList();
    }

    public static async Task<List<AccountSum>> ByAccountAndFacilityAsync(CooperativeDbContext db, IQueryable<JournalLine> lines,
        CancellationToken ct)
    {
        if (db.Database.IsMySql())
            return await lines.GroupBy(l => new { l.AccountCode, l.FacilityCode })
                .Select(g => new AccountSum(g.Key.AccountCode, g.Key.FacilityCode, g.Sum(l => l.Debit), g.Sum(l => l.Credit)))
                .ToListAsync(ct);
        var rows = await lines.Select(l => new { l.AccountCode, l.FacilityCode, l.Debit, l.Credit }).ToListAsync(ct);
        return rows.GroupBy(l => new { l.AccountCode, l.FacilityCode })
            .Select(g => new AccountSum(g.Key.AccountCode, g.Key.FacilityCode, g.Sum(l => l.Debit), g.Sum(l => l.Credit))).ToList();
    }
}
