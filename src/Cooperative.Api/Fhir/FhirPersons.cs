using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Fhir;

/// <summary>
/// The persons an <c>identifier</c> search names: <c>[system|]value</c>, a resident ID number (one person) or a card
/// number (the household's current members). Without a system an ID number's form decides.
/// </summary>
internal static class FhirPersons
{
    public sealed record Found(Person Person, string? CardNumber);

    public static async Task<(List<Found>? Persons, FhirResult? Error)> FindAsync(CooperativeDbContext db, string? identifier,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(identifier))
            return (null, Invalid("请按 identifier（身份证号或合作医疗证号）查询"));
        var (system, value) = Split(identifier);
        var check = ResidentIdNumber.Validate(value);
        var byId = system == FhirSystems.ResidentId || (system is null && check.IsValid);
        if (byId)
        {
            if (!check.IsValid) return (null, FhirOutcomes.Error(StatusCodes.Status400BadRequest, check.ErrorCode!, check.Message!));
            var person = await db.Persons.AsNoTracking().Where(p => p.IdNumber == check.Normalized).ToListAsync(ct);
            return (await WithCardsAsync(db, person, ct), null);
        }
        if (system is not null && system != FhirSystems.CardNumber)
            return (null, Invalid($"identifier 的 system 应为 {FhirSystems.ResidentId} 或 {FhirSystems.CardNumber}"));
        if (!CardNumber.IsValid(value))
            return (null, FhirOutcomes.Error(StatusCodes.Status400BadRequest, "card_number_format", CardNumber.Rule));
        var members = await (from h in db.Households where h.CardNumber == value
                             join m in db.Memberships on h.Id equals m.HouseholdId where m.To == null
                             join p in db.Persons on m.PersonId equals p.Id
                             orderby p.BirthDate
                             select p).AsNoTracking().ToListAsync(ct);
        return (members.Select(p => new Found(p, value)).ToList(), null);
    }

    /// <summary>The person of a logical id with his current card, or null.</summary>
    public static async Task<Found?> ByIdAsync(CooperativeDbContext db, Guid id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == id).ToListAsync(ct);
        return (await WithCardsAsync(db, person, ct)).SingleOrDefault();
    }

    /// <summary><c>system|value</c>, <c>|value</c> or <c>value</c>.</summary>
    public static (string? System, string Value) Split(string token)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return (null, token.Trim());
        var system = token[..bar].Trim();
        return (system.Length == 0 ? null : system, token[(bar + 1)..].Trim());
    }

    private static async Task<List<Found>> WithCardsAsync(CooperativeDbContext db, List<Person> persons, CancellationToken ct)
    {
        var ids = persons.Select(p => p.Id).ToList();
        var cards = await (from m in db.Memberships where m.To == null && ids.Contains(m.PersonId)
                           join h in db.Households on m.HouseholdId equals h.Id
                           select new { m.PersonId, h.CardNumber }).ToDictionaryAsync(x => x.PersonId, x => x.CardNumber, ct);
        return persons.Select(p => new Found(p, cards.GetValueOrDefault(p.Id))).ToList();
    }

    private static FhirResult Invalid(string message) =>
        FhirOutcomes.Error(StatusCodes.Status400BadRequest, Infrastructure.Validation.FailedCode, "请求数据有误", message);
}
