using Cooperative.Api.Data;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Policy;

/// <summary>A bill line as callers send it: a catalogue code, or (for items bought outside) an explicit status.</summary>
public sealed record BillLineInput(string? Code, string? Name, decimal? Quantity, decimal? UnitPrice, decimal Amount,
    CatalogueStatus? Status, decimal? SelfPayShare);

/// <summary>Resolves bill lines against the catalogue into the calculator's lines.</summary>
public sealed class Catalogue(CooperativeDbContext db, CatalogueCache cache)
{
    public sealed record Resolution(IReadOnlyList<BillLine> Lines, IReadOnlyList<string> UnknownCodes);

    public async Task<Resolution> ResolveAsync(IReadOnlyList<BillLineInput> inputs, CancellationToken ct)
    {
        var codes = inputs.Where(l => !string.IsNullOrWhiteSpace(l.Code)).Select(l => l.Code!).Distinct().ToList();
        var items = new Dictionary<string, CatalogueCache.Item>(codes.Count);
        var missing = new List<string>();
        foreach (var code in codes)
            if (cache.TryGet(code, out var item)) items[code] = item;
            else missing.Add(code);
        if (missing.Count > 0)
            foreach (var item in await db.CatalogueItems.AsNoTracking().Where(i => missing.Contains(i.Code))
                         .Select(i => new CatalogueCache.Item(i.Code, i.Status, i.SelfPayShare)).ToListAsync(ct))
                items[item.Code] = cache.Set(item.Code, item);
        var unknown = codes.Where(c => !items.ContainsKey(c)).ToList();
        var lines = inputs.Select(l => l.Code is { Length: > 0 } code && items.TryGetValue(code, out var item)
                ? new BillLine(code, l.Amount, item.Status, item.Status == CatalogueStatus.PartlyCovered ? item.SelfPayShare : 0m)
                : new BillLine(l.Code ?? "", l.Amount, l.Status ?? CatalogueStatus.Excluded, l.SelfPayShare ?? 0m))
            .ToList();
        return new Resolution(lines, unknown);
    }
}

/// <summary>
/// The catalogue items bills have named, kept five minutes: every claim resolves its twenty-odd lines against the
/// catalogue, which is reference data seeded at start-up. A code not found is looked up again every time. Seeding adds
/// only codes that are missing and nothing changes an item once stored, so no instance of the API can hold an item
/// that differs from the database (a catalogue that changed items in place would need a stamp, as the policy has).
/// </summary>
public sealed class CatalogueCache() : Infrastructure.TimedCache<string, CatalogueCache.Item>(TimeSpan.FromMinutes(5))
{
    public sealed record Item(string Code, CatalogueStatus Status, decimal SelfPayShare);
}
