using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
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
        group.MapGet("/", Search)
            .WithSummary("Search households (户查询)")
            .WithDescription("Pages of households found by q: a card number, or a present member's ID number or "
                + "name.")
            .WithName("SearchHouseholds");
        group.MapGet("/{id:guid}", Get)
            .WithSummary("Get a household with its members")
            .WithDescription("One household: card number, township, village, address and its members (head first) "
                + "with their enrolments.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "household_not_found")
            .WithName("GetHousehold");
        group.MapPost("/", Register).RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Register a household with its members (建档)")
            .WithDescription("Registers a new household under its cooperative medical card number (合作医疗证号) with its"
                + " members, exactly one of them the head (户主). Refused when the card number is taken or"
                + " a member (by ID number) is registered in another household; registering is not "
                + "enrolment (see the household's enrolments).")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "household_card_exists", "person_already_registered",
                "household_conflict")
            .WithName("RegisterHousehold");
        group.MapPost("/{id:guid}/members", MemberApi.Add).RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Add a member to a household (增员)")
            .WithDescription("Adds a newborn, a spouse or a person moving in. A person already registered elsewhere"
                + " moves here (their membership there ends the day before). Refused for the head of "
                + "another household, a deceased or departed person, a name that differs from the "
                + "registered one or a date before the present membership began.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "household_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "already_member", "person_inactive",
                "person_data_mismatch", "person_is_head", "household_conflict")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "membership_date_invalid")
            .WithName("AddHouseholdMember");
        group.MapPost("/{id:guid}/enrollments", EnrollmentApi.Enroll).RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Enrol household members for a fund year (参合缴费)")
            .WithDescription("Takes the contributions of the chosen members for a fund year open for enrolment "
                + "(this year, or next year's advance campaign): one enrolment per member, one receipt, "
                + "and the ledger entry of contributions and government subsidies, in one transaction. "
                + "Members already enrolled for the year are skipped; refused when all are.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "household_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "already_enrolled", "ledger_period_closed")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "fund_year_not_open", "policy_missing",
                "not_a_member")
            .WithName("EnrollHouseholdMembers");
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
