using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Enrollment;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record RegisterHouseholdRequest(string? CardNumber, string? TownshipCode, string? VillageCode, string? Address,
    DateOnly? Since, List<MemberRequest>? Members);

/// <summary>Households (户): registration with their members, reading, and search. Staff read; the window writes.</summary>
public static class HouseholdApi
{
    public const int MaxMembers = 30;

    public static RouteGroupBuilder MapHouseholdApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/households").WithTags("Enrollment").RequireAuthorization(Policies.Staff);
        group.MapGet("/", Search);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Register).RequireAuthorization(Policies.EnrollmentClerks);
        group.MapPost("/{id:guid}/members", MemberApi.Add).RequireAuthorization(Policies.EnrollmentClerks);
        group.MapPost("/{id:guid}/enrollments", EnrollmentApi.Enroll).RequireAuthorization(Policies.EnrollmentClerks);
        return group;
    }

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> Get(Guid id, CooperativeDbContext db,
        CancellationToken ct) =>
        await HouseholdViews.LoadAsync(db, id, ct) is { } household
            ? TypedResults.Ok(household)
            : Problems.NotFound("household_not_found", "户不存在");

    private static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterHouseholdRequest request, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var validation = new Validation()
            .Check(CardNumber.IsValid(request.CardNumber?.Trim()), "cardNumber", CardNumber.Rule)
            .Check(request.Since is null || request.Since <= today, "since", "入户日期不能晚于今天")
            .Date(request.Since, "since", "入户日期")
            .Optional(request.Address, "address", "地址", 200)
            .Check(request.Members is { Count: > 0 and <= MaxMembers }, "members", $"每户应有1至{MaxMembers}名成员");
        if (!await db.Villages.AnyAsync(v => v.Code == request.VillageCode && v.TownshipCode == request.TownshipCode, ct))
            validation.Add("villageCode", "村代码不存在或不属于所填乡镇");
        var members = (request.Members ?? []).Take(MaxMembers)
            .Select((m, i) => MemberInput.From(m, $"members[{i}].", validation, today)).ToList();
        var inputs = members.OfType<MemberInput>().ToList();
        if (validation.IsValid) CheckComposition(inputs, validation);
        if (!validation.IsValid) return validation.ToProblem();

        var card = request.CardNumber!.Trim();
        if (await db.Households.AnyAsync(h => h.CardNumber == card, ct))
            return Problems.Conflict("household_card_exists", "合作医疗证号已存在", $"合作医疗证号 {card} 已登记");
        var ids = inputs.Select(m => m.IdNumber).ToList();
        var known = await db.Persons.Where(p => ids.Contains(p.IdNumber)).Select(p => p.IdNumber).ToListAsync(ct);
        if (known.Count > 0)
            return Problems.Conflict("person_already_registered", "成员已在其他户登记",
                $"身份证号 {string.Join("、", known)} 已登记；迁入本户请使用“成员迁入”");

        var now = clock.GetUtcNow().UtcDateTime;
        var persons = inputs.Select(m => (Input: m, Person: m.ToPerson(now))).ToList();
        var household = new Household
        {
            CardNumber = card, TownshipCode = request.TownshipCode!, VillageCode = request.VillageCode!,
            Address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim(), RegisteredUtc = now,
            HeadPersonId = persons.Single(p => p.Input.Relationship == Relationship.Head).Person.Id,
        };
        db.Persons.AddRange(persons.Select(p => p.Person));
        db.Households.Add(household);
        db.Memberships.AddRange(persons.Select(p => new Membership
        {
            PersonId = p.Person.Id, HouseholdId = household.Id, Relationship = p.Input.Relationship, From = request.Since ?? today,
        }));
        if (await db.TrySaveUniqueAsync(ct) is false)
            return Problems.Conflict("household_conflict", "该户或成员刚被他人登记", "请刷新后重试");
        return TypedResults.Created($"/api/households/{household.Id}", (await HouseholdViews.LoadAsync(db, household.Id, ct))!);
    }

    private static void CheckComposition(List<MemberInput> members, Validation validation)
    {
        if (members.Count(m => m.Relationship == Relationship.Head) != 1) validation.Add("members", "每户必须有且只有一名户主");
        if (members.Select(m => m.IdNumber).Distinct().Count() != members.Count) validation.Add("members", "成员身份证号不能重复");
    }

    private static async Task<Results<Ok<Page<HouseholdSummary>>, ValidationProblem>> Search(string? q, int? page, int? pageSize,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (Paging.Refusal(page, pageSize) is { } refusal) return refusal;
        var (kind, text) = SearchText.Classify(q);
        var households = db.Households.AsNoTracking();
        var current = db.Memberships.Where(m => m.To == null);
        households = kind switch
        {
            SearchKind.CardNumber => households.Where(h => h.CardNumber == text),
            SearchKind.IdNumber => households.Where(h => current.Any(m => m.HouseholdId == h.Id &&
                db.Persons.Any(p => p.Id == m.PersonId && p.IdNumber == text))),
            SearchKind.Name => households.Where(h => current.Any(m => m.HouseholdId == h.Id &&
                db.Persons.Any(p => p.Id == m.PersonId && p.Name.StartsWith(text)))),
            _ => households,
        };
        var result = await households.OrderBy(h => h.CardNumber)
            .Select(h => new HouseholdSummary(h.Id, h.CardNumber, h.TownshipCode, h.VillageCode, h.Address,
                db.Persons.Where(p => p.Id == h.HeadPersonId).Select(p => p.Name).First(),
                db.Persons.Where(p => p.Id == h.HeadPersonId).Select(p => p.IdNumber).First(),
                current.Count(m => m.HouseholdId == h.Id)))
            .ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(result);
    }
}
