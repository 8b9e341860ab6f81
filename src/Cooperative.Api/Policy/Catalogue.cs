using Cooperative.Api.Data;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Policy;

/// <summary>A bill line as callers send it: a catalogue code, or (for items bought outside) an explicit status.</summary>
public sealed record BillLineInput(string? Code, string? Name, decimal? Quantity, decimal? UnitPrice, decimal Amount,
    CatalogueStatus? Status, decimal? SelfPayShare);

/// <summary>Resolves bill lines against the catalogue into the calculator's lines.</summary>
public sealed class Catalogue(CooperativeDbContext db)
{
    public sealed record Resolution(IReadOnlyList<BillLine> Lines, IReadOnlyList<string> UnknownCodes);

    public async Task<Resolution> ResolveAsync(IReadOnlyList<BillLineInput> inputs, CancellationToken ct)
    {
        var codes = inputs.Where(l => !string.IsNullOrWhiteSpace(l.Code)).Select(l => l.Code!).Distinct().ToList();
        var items = await db.CatalogueItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        var unknown = codes.Where(c => !items.ContainsKey(c)).ToList();
        var lines = inputs.Select(l => l.Code is { Length: > 0 } code && items.TryGetValue(code, out var item)
                ? new BillLine(code, l.Amount, item.Status, item.Status == CatalogueStatus.PartlyCovered ? item.SelfPayShare : 0m)
                : new BillLine(l.Code ?? "", l.Amount, l.Status ?? CatalogueStatus.Excluded, l.SelfPayShare ?? 0m))
            .ToList();
        return new Resolution(lines, unknown);
    }
}
