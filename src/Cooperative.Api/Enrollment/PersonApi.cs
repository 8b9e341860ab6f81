using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record CurrentHousehold(Guid Id, string CardNumber, Relationship Relationship);

public sealed record PersonResponse(Guid Id, string IdNumber, string Name, Gender Gender, DateOnly BirthDate, PersonCategory Category,
    PersonStatus Status, DateOnly? StatusSince, CurrentHousehold? Household);

public sealed record MembershipResponse(Guid HouseholdId, string CardNumber, Relationship Relationship, DateOnly From, DateOnly? To);

/// <param name="Usage">What each payer paid him this year under each cap (inpatient, outpatient, chronic:group, catastrophic,
/// catastrophic_base: the out-of-pocket cost counted towards its threshold, assistance).</param>
public sealed record PersonEnrollmentResponse(int FundYear, string CardNumber, DateOnly EnrolledOn, ContributionPayer PaidBy,
    decimal Contribution, decimal InpatientPaid, decimal OutpatientPaid, IReadOnlyDictionary<string, decimal> Usage);

public sealed record PersonDetailResponse(PersonResponse Person, IReadOnlyList<MembershipResponse> Memberships,
    IReadOnlyList<PersonEnrollmentResponse> Enrollments);

/// <summary>A death (死亡) or departure (迁出) and its date.</summary>
public sealed record StatusChangeRequest(DateOnly? Date);

/// <summary>Persons: search, the history of one, and recording a death or a departure.</summary>
public static class PersonApi
{
    public static RouteGroupBuilder MapPersonApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/persons").WithTags("Enrollment").RequireAuthorization(Policies.Staff);
        group.MapGet("/", Search)
            .WithSummary("Search persons (人员查询)")
            .WithDescription("Pages of registered persons found by q: an ID number, a card number (the household's "
                + "present members) or the start of a name.")
            .WithName("SearchPersons");
        group.MapGet("/{id:guid}", Get)
            .WithSummary("Get a person with their history")
            .WithDescription("One person: identity, status, households and memberships over time, enrolments by "
                + "fund year.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "person_not_found")
            .WithName("GetPerson");
        group.MapPost("/{id:guid}/death", (Guid id, StatusChangeRequest request, CooperativeDbContext db, TimeProvider clock,
            CancellationToken ct) => Deactivate(id, PersonStatus.Deceased, request, db, clock, ct))
            .RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Record a person's death (死亡)")
            .WithDescription("Records the date of death: the person is covered no longer from that date and leaves "
                + "their household. Refused for a person already deceased or departed, or a date before they "
                + "joined their household.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "person_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "person_inactive")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "membership_date_invalid")
            .WithName("RecordPersonDeath");
        group.MapPost("/{id:guid}/departure", (Guid id, StatusChangeRequest request, CooperativeDbContext db, TimeProvider clock,
            CancellationToken ct) => Deactivate(id, PersonStatus.Left, request, db, clock, ct))
            .RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Record a person's departure from the county (迁出)")
            .WithDescription("Records the date a person moved away: covered no longer from that date, and out of "
                + "their household. Refused for a person already deceased or departed, or a date before they "
                + "joined their household.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "person_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "person_inactive")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "membership_date_invalid")
            .WithName("RecordPersonDeparture");
        return group;
    }

    private static async Task<Results<Ok<Page<PersonResponse>>, ValidationProblem>> Search(string? q, int? page, int? pageSize,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (Paging.Refusal(page, pageSize) is { } refusal) return refusal;
        var (kind, text) = SearchText.Classify(q);
        var persons = db.Persons.AsNoTracking();
        persons = kind switch
        {
            SearchKind.IdNumber => persons.Where(p => p.IdNumber == text),
            SearchKind.CardNumber => persons.Where(p => db.Memberships.Any(m => m.PersonId == p.Id && m.To == null &&
                db.Households.Any(h => h.Id == m.HouseholdId && h.CardNumber == text))),
            SearchKind.Name => persons.Where(p => p.Name.StartsWith(text)),
            _ => persons,
        };
        var found = await persons.OrderBy(p => p.Name).ThenBy(p => p.IdNumber).ToPageAsync(page, pageSize, ct);
        var households = await CurrentHouseholdsAsync(db, found.Items.Select(p => p.Id).ToList(), ct);
        return TypedResults.Ok(new Page<PersonResponse>(found.Items.Select(p => ToResponse(p, households.GetValueOrDefault(p.Id))).ToList(),
            found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<PersonDetailResponse>, ProblemHttpResult>> Get(Guid id, CooperativeDbContext db,
        CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound("person_not_found", "人员不存在");
        var memberships = await (from m in db.Memberships where m.PersonId == id
                                 join h in db.Households on m.HouseholdId equals h.Id
                                 orderby m.From
                                 select new MembershipResponse(h.Id, h.CardNumber, m.Relationship, m.From, m.To))
            .ToListAsync(ct);
        var rows = await (from e in db.Enrollments where e.PersonId == id
                                 join h in db.Households on e.HouseholdId equals h.Id
                                 orderby e.FundYear
                                 select new { e.FundYear, h.CardNumber, e.EnrolledOn, e.PaidBy, e.Contribution, e.UsageJson })
            .ToListAsync(ct);
        var enrollments = rows.Select(e =>
        {
            var usage = Benefits.UsageJson.Parse(e.UsageJson);
            return new PersonEnrollmentResponse(e.FundYear, e.CardNumber, e.EnrolledOn, e.PaidBy, e.Contribution,
                usage.GetValueOrDefault(Domain.Reimbursement.UsagePots.Inpatient), usage.GetValueOrDefault(Domain.Reimbursement.UsagePots.Outpatient),
                usage);
        }).ToList();
        var households = await CurrentHouseholdsAsync(db, [id], ct);
        return TypedResults.Ok(new PersonDetailResponse(ToResponse(person, households.GetValueOrDefault(id)), memberships, enrollments));
    }

    private static async Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> Deactivate(Guid id,
        PersonStatus status, StatusChangeRequest request, CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.Date is not null, "date", "日期不能为空")
            .Check(request.Date is null || request.Date <= clock.Today(), "date", "日期不能晚于今天")
            .Date(request.Date, "date");
        if (!validation.IsValid) return validation.ToProblem();
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound("person_not_found", "人员不存在");
        if (!person.IsActive) return Problems.Conflict("person_inactive", "该人员已死亡或已迁出");
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.PersonId == id && m.To == null, ct);
        if (membership is not null && request.Date < membership.From)
            return Problems.Unprocessable("membership_date_invalid", "日期无效", $"日期不能早于入户日期 {membership.From:yyyy-MM-dd}");
        person.Deactivate(status, request.Date!.Value);
        membership?.Close(request.Date.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(person, null));
    }

    private static async Task<Dictionary<Guid, CurrentHousehold>> CurrentHouseholdsAsync(CooperativeDbContext db,
        List<Guid> personIds, CancellationToken ct) =>
        await (from m in db.Memberships where m.To == null && personIds.Contains(m.PersonId)
               join h in db.Households on m.HouseholdId equals h.Id
               select new { m.PersonId, h.Id, h.CardNumber, m.Relationship })
            .ToDictionaryAsync(x => x.PersonId, x => new CurrentHousehold(x.Id, x.CardNumber, x.Relationship), ct);

    private static PersonResponse ToResponse(Person p, CurrentHousehold? household) => new(p.Id, p.IdNumber, p.Name,
        p.Gender, p.BirthDate, p.Category, p.Status, p.StatusSince, household);
}
