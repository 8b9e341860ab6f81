using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

/// <summary>The stored persons, households and open memberships an import file touches, read in chunks by indexed keys.</summary>
internal sealed class StoredState
{
    private const int Chunk = 1000;

    public Dictionary<string, Person> Persons { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Household> Households { get; } = new(StringComparer.Ordinal);
    public Dictionary<Guid, Membership> OpenMemberships { get; } = [];
    public Dictionary<Guid, string> CardOf { get; } = [];
    public Dictionary<Guid, string> IdNumberOf { get; } = [];

    public static async Task<StoredState> LoadAsync(CooperativeDbContext db, IReadOnlyList<Domain.Enrollment.RegisterRow> rows,
        CancellationToken ct)
    {
        var state = new StoredState();
        foreach (var p in await WhereInAsync(db.Persons, "persons", "IdNumber", rows.Select(r => r.IdNumber).Distinct(), ct))
            state.Persons[p.IdNumber] = p;
        foreach (var h in await WhereInAsync(db.Households, "households", "CardNumber", rows.Select(r => r.CardNumber).Distinct(), ct))
            state.Households[h.CardNumber] = h;
        foreach (var m in await WhereInAsync(db.Memberships, "memberships", "PersonId", state.Persons.Values.Select(p => p.Id), ct,
                     "`To` IS NULL AND "))
            state.OpenMemberships[m.PersonId] = m;

        foreach (var h in state.Households.Values) state.CardOf[h.Id] = h.CardNumber;
        var otherHouseholds = state.OpenMemberships.Values.Select(m => m.HouseholdId).Where(id => !state.CardOf.ContainsKey(id)).Distinct();
        foreach (var h in await WhereInAsync(db.Households, "households", "Id", otherHouseholds, ct))
            state.CardOf[h.Id] = h.CardNumber;

        foreach (var p in state.Persons.Values) state.IdNumberOf[p.Id] = p.IdNumber;
        var heads = state.Households.Values.Select(h => h.HeadPersonId).Where(id => !state.IdNumberOf.ContainsKey(id)).Distinct();
        foreach (var p in await WhereInAsync(db.Persons, "persons", "Id", heads, ct))
            state.IdNumberOf[p.Id] = p.IdNumber;
        return state;
    }

    /// <summary>
    /// Rows whose key is one of <paramref name="keys"/>, by IN lists of up to 1,000 parameters served from the index.
    /// Raw SQL with parameters rather than LINQ over a list: the same text for every full chunk, so it is prepared
    /// once, and plain IN lists on both providers. (Backquotes quote identifiers in SQLite too.)
    /// </summary>
    private static async Task<List<T>> WhereInAsync<T, TKey>(DbSet<T> set, string table, string column, IEnumerable<TKey> keys,
        CancellationToken ct, string condition = "") where T : class
    {
        var found = new List<T>();
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var placeholders = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(i => "{" + i + "}"));
            var sql = "SELECT * FROM `" + table + "` WHERE " + condition + "`" + column + "` IN (" + placeholders + ")";
            found.AddRange(await set.FromSqlRaw(sql, chunk.Cast<object>().ToArray()).AsNoTracking().ToListAsync(ct));
        }
        return found;
    }
}
