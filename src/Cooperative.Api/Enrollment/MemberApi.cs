using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Enrollment;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record AddMemberRequest(string? IdNumber, string? Name,
    [property: CodesOf(typeof(Domain.Identity.Gender))] string? Gender, DateOnly? BirthDate,
    [property: CodesOf(typeof(Relationship))] string? Relationship, [property: CodesOf(typeof(PersonCategory))] string? Category,
    DateOnly? Since)
{
    public MemberRequest Member => new(IdNumber, Name, Gender, BirthDate, Relationship, Category);
}

/// <summary>
/// A person joins a household (迁入): a new person is registered, or a registered one moves in, his
/// membership of the old household closed on the day the new one opens.
/// </summary>
internal static class MemberApi
{
    public static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> Add(Guid id,
        AddMemberRequest request, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var since = request.Since ?? today;
        var validation = new Validation().Check(since <= today, "since", "迁入日期不能晚于今天").Date(since, "since", "迁入日期");
        var input = MemberInput.From(request.Member, "", validation, today);
        if (input?.Relationship == Relationship.Head) validation.Add("relationship", "新迁入成员不能登记为户主");
        if (!validation.IsValid) return validation.ToProblem();

        if (!await db.Households.AnyAsync(h => h.Id == id, ct)) return Problems.NotFound("household_not_found", "户不存在");
        var person = await db.Persons.SingleOrDefaultAsync(p => p.IdNumber == input!.IdNumber, ct);
        if (person is null)
        {
            person = input!.ToPerson(clock.GetUtcNow().UtcDateTime);
            db.Persons.Add(person);
        }
        else if (await MoveOutAsync(person, input!, id, since, db, ct) is { } refusal) return refusal;

        db.Memberships.Add(new Membership { PersonId = person.Id, HouseholdId = id, Relationship = input!.Relationship, From = since });
        if (await db.TrySaveUniqueAsync(ct) is false)
            return Problems.Conflict("household_conflict", "该成员刚被他人登记", "请刷新后重试");
        return TypedResults.Created($"/api/households/{id}", (await HouseholdViews.LoadAsync(db, id, ct))!);
    }

    /// <summary>Closes a registered person's present membership so that he can join <paramref name="householdId"/>.</summary>
    private static async Task<ProblemHttpResult?> MoveOutAsync(Person person, MemberInput input, Guid householdId, DateOnly since,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (!person.IsActive)
            return Problems.Conflict("person_inactive", "该人员已死亡或已迁出", $"身份证号 {person.IdNumber} 的人员状态为 {person.Status}");
        if (person.Name != input.Name)
            return Problems.Conflict("person_data_mismatch", "姓名与已登记信息不符", $"身份证号 {person.IdNumber} 已登记的姓名为 {person.Name}");
        var current = await db.Memberships.SingleOrDefaultAsync(m => m.PersonId == person.Id && m.To == null, ct);
        if (current is null) return null;
        if (current.HouseholdId == householdId)
            return Problems.Conflict("already_member", "该人员已是本户成员");
        if (await db.Households.AnyAsync(h => h.Id == current.HouseholdId && h.HeadPersonId == person.Id, ct))
            return Problems.Conflict("person_is_head", "户主不能迁出", "该人员是原户的户主，不能迁入其他户");
        if (since <= current.From)
            return Problems.Unprocessable("membership_date_invalid", "迁入日期无效", $"迁入日期应晚于原户入户日期 {current.From:yyyy-MM-dd}");
        current.Close(since);
        return null;
    }
}
