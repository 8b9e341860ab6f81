using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Infrastructure;

/// <summary>One page of a list, with the total so that a client can draw its pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Page numbers start at 1; sizes are clamped to 1..200 rather than refused.</summary>
    public static (int Number, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = Normalize(page, pageSize);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }
}
