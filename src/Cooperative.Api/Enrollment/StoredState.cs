using Cooperative.Api.Data;
using Cooperative.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

/// <summary>The stored persons, households and open memberships an import file touches, read in chunks by indexed keys.</summary>
internal sealed class StoredState
{
    public Dictionary<string, Person> Persons { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Household> Households { get; } = new(StringComparer.Ordinal);
    public Dictionary<Guid, Membership> OpenMemberships { get; } = [];
    public Dictionary<Guid, string> CardOf { get; } = [];
    public Dictionary<Guid, string> IdNumberOf { get; } = [];

    public static async Task<StoredState> LoadAsync(CooperativeDbContext db, IReadOnlyList<RegisterRow> rows, int chunk,
        CancellationToken ct)
    {
        var state = new StoredState();
        // Constants, not a parameter collection: an IN list that every provider serves from the unique index.
        foreach (var ids in rows.Select(r => r.IdNumber).Distinct().Chunk(chunk))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => EF.Constant(ids).Contains(p.IdNumber)).ToListAsync(ct))
                state.Persons[p.IdNumber] = p;
        foreach (var cards in rows.Select(r => r.CardNumber).Distinct().Chunk(chunk))
            foreach (var h in await db.Households.AsNoTracking().Where(h => EF.Constant(cards).Contains(h.CardNumber)).ToListAsync(ct))
                state.Households[h.CardNumber] = h;
        foreach (var ids in state.Persons.Values.Select(p => p.Id).Chunk(chunk))
            foreach (var m in await db.Memberships.AsNoTracking().Where(m => m.To == null && EF.Constant(ids).Contains(m.PersonId)).ToListAsync(ct))
                state.OpenMemberships[m.PersonId] = m;

        foreach (var h in state.Households.Values) state.CardOf[h.Id] = h.CardNumber;
        var otherHouseholds = state.OpenMemberships.Values.Select(m => m.HouseholdId).Where(id => !state.CardOf.ContainsKey(id)).Distinct();
        foreach (var ids in otherHouseholds.Chunk(chunk))
            foreach (var h in await db.Households.AsNoTracking().Where(h => EF.Constant(ids).Contains(h.Id)).Select(h => new { h.Id, h.CardNumber }).ToListAsync(ct))
                state.CardOf[h.Id] = h.CardNumber;

        foreach (var p in state.Persons.Values) state.IdNumberOf[p.Id] = p.IdNumber;
        var heads = state.Households.Values.Select(h => h.HeadPersonId).Where(id => !state.IdNumberOf.ContainsKey(id)).Distinct();
        foreach (var ids in heads.Chunk(chunk))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => EF.Constant(ids).Contains(p.Id)).Select(p => new { p.Id, p.IdNumber }).ToListAsync(ct))
                state.IdNumberOf[p.Id] = p.IdNumber;
        return state;
    }
}
