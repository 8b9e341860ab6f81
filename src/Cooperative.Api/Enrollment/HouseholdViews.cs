using Cooperative.Api.Data;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record MemberResponse(Guid PersonId, string Name, string IdNumber, Gender Gender, DateOnly BirthDate,
    PersonCategory Category, PersonStatus Status, Relationship Relationship, DateOnly From, DateOnly? To);

public sealed record HouseholdResponse(Guid Id, string CardNumber, string TownshipCode, string VillageCode, string? Address,
    Guid HeadPersonId, IReadOnlyList<MemberResponse> Members, IReadOnlyList<MemberResponse> FormerMembers);

public sealed record HouseholdSummary(Guid Id, string CardNumber, string TownshipCode, string VillageCode, string? Address,
    string HeadName, string HeadIdNumber, int MemberCount);

internal static class HouseholdViews
{
    /// <summary>A household with its present members and everyone who belonged to it before.</summary>
    public static async Task<HouseholdResponse?> LoadAsync(CooperativeDbContext db, Guid id, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return null;
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                          where m.HouseholdId == id
                          orderby m.From, p.BirthDate
                          select new { m, p }).ToListAsync(ct);
        var members = rows.Select(r => new MemberResponse(r.p.Id, r.p.Name, r.p.IdNumber, r.p.Gender, r.p.BirthDate,
            r.p.Category, r.p.Status, r.m.Relationship, r.m.From, r.m.To)).ToList();
        return new HouseholdResponse(household.Id, household.CardNumber, household.TownshipCode, household.VillageCode,
            household.Address, household.HeadPersonId,
            members.Where(m => m.To is null).OrderBy(m => m.Relationship != Relationship.Head).ToList(),
            members.Where(m => m.To is not null).ToList());
    }
}

/// <summary>What a search text is: an ID number, a card number (letters and digits), or the start of a name.</summary>
internal enum SearchKind { All, IdNumber, CardNumber, Name }

internal static class SearchText
{
    public static (SearchKind Kind, string Text) Classify(string? q)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0) return (SearchKind.All, text);
        if (text.Length == 18 && text[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x'))
            return (SearchKind.IdNumber, text.ToUpperInvariant());
        if (text.All(char.IsAsciiLetterOrDigit)) return (SearchKind.CardNumber, text);
        return (SearchKind.Name, text);
    }
}
