using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Infrastructure;

/// <summary>One page of a list, with the total so that a client can draw its pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>
/// Page numbers run from 1 to 100,000 and sizes from 1 to 200 (default 50); anything else is refused as
/// <c>validation_failed</c>, so that no offset overflows on its way to the database.
/// </summary>
public static class Paging
{
    public const int MaxPage = 100_000;
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>Adds the errors of a page number or size out of bounds (absent is the first page, of 50).</summary>
    public static Validation PageBounds(this Validation v, int? page, int? pageSize) =>
        v.Check(page is null or (>= 1 and <= MaxPage), "page", $"页码必须在1至{MaxPage}之间")
            .Check(pageSize is null or (>= 1 and <= MaxPageSize), "pageSize", $"每页条数必须在1至{MaxPageSize}之间");

    /// <summary>The refusal of a page number or size out of bounds, or null when both are fine.</summary>
    public static ValidationProblem? Refusal(int? page, int? pageSize)
    {
        var v = new Validation().PageBounds(page, pageSize);
        return v.IsValid ? null : v.ToProblem();
    }

    /// <summary>The page asked for, within bounds (endpoints refuse what is out of bounds before they get here).</summary>
    public static (int Number, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>Rows before the page: at most 99,999 × 200, far from overflowing, and checked all the same.</summary>
    public static int Offset(int number, int size) => checked((int)((long)(number - 1) * size));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = Normalize(page, pageSize);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(Offset(number, size)).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }
}
