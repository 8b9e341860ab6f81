using System.Globalization;
using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Benefits;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Api.Policy;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// What is left this year (剩余额度): the basic fund's inpatient and outpatient caps; for each chronic group of a disease
/// certified for the person on the date, its cap; and, where the year has them, catastrophic insurance's cap and, for an
/// assisted person, medical assistance's.
/// </summary>
public sealed record RemainingCapsResponse(decimal Inpatient, decimal Outpatient, IReadOnlyList<ChronicRemaining>? Chronic = null,
    decimal? Catastrophic = null, decimal? Assistance = null);

/// <summary>A certified disease's group and what is left of its yearly cap.</summary>
public sealed record ChronicRemaining(string Group, string Name, string DiseaseCode, decimal Remaining);

/// <summary>One person's cover on a date. Facilities see the name and ID number masked.</summary>
public sealed record CoverageResponse(bool Covered, string? Reason, string Message, int FundYear, DateOnly Date,
    string? CardNumber, string Name, string IdNumber, RemainingCapsResponse? Remaining);

public sealed record HouseholdCoverageResponse(string CardNumber, DateOnly Date, int FundYear, IReadOnlyList<CoverageResponse> Members);

/// <summary>
/// The coverage check (参合资格查询) of window staff and designated facilities: by ID number, one person;
/// by card number, every member of the household on that date. It answers covered or not and why, the fund
/// year, the household and what is left of the annual caps; no more.
/// </summary>
public static class CoverageApi
{
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/coverage", Check).WithTags("Enrollment").RequireAuthorization(Policies.CoverageCheckers)
            .WithSummary("Check coverage (参合资格查询)")
            .WithDescription("Is a person covered on a date (default today), and what is left of this year's caps "
                + "(剩余额度)? By idNumber (exactly one of idNumber and cardNumber): one person "
                + "(CoverageResponse). By cardNumber: every member of the household on that date "
                + "(HouseholdCoverageResponse). The answer says covered or not and why, the fund year, "
                + "and the remaining caps of the basic fund, of each certified chronic disease group, of"
                + " catastrophic insurance and, for an assisted person, of medical assistance. "
                + "Facilities see names and ID numbers masked.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "validation_failed", "id_number_format",
                "id_number_checksum", "id_number_birth_date", "card_number_format")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "person_not_found", "household_not_found")
            .WithName("CheckCoverage");
        return routes;
    }

    private static async Task<Results<Ok<CoverageResponse>, Ok<HouseholdCoverageResponse>, ValidationProblem, ProblemHttpResult>> Check(string? idNumber, string? cardNumber, string? date, ClaimsPrincipal user,
        CooperativeDbContext db, IPolicyStore policies, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(string.IsNullOrWhiteSpace(idNumber) != string.IsNullOrWhiteSpace(cardNumber), "idNumber", "请填写身份证号或合作医疗证号（二选一）");
        DateOnly on = clock.Today();
        if (!string.IsNullOrWhiteSpace(date) &&
            !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            validation.Add("date", "日期格式应为 yyyy-MM-dd");
        if (!validation.IsValid) return validation.ToProblem();

        var reader = new CoverageReader(db, policies, masked: user.SeesPersonsMasked());
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var check = ResidentIdNumber.Validate(idNumber);
            if (!check.IsValid) return Problems.Of(StatusCodes.Status400BadRequest, check.ErrorCode!, check.Message!);
            var answer = await reader.ForPersonAsync(check.Normalized!, on, ct);
            if (answer is null) return Problems.NotFound("person_not_found", "未找到该身份证号的参合人员");
            return TypedResults.Ok(answer);
        }
        var card = cardNumber!.Trim();
        if (!CardNumber.IsValid(card)) return Problems.Of(StatusCodes.Status400BadRequest, "card_number_format", CardNumber.Rule);
        var household = await reader.ForHouseholdAsync(card, on, ct);
        if (household is null) return Problems.NotFound("household_not_found", "未找到该合作医疗证号的户");
        return TypedResults.Ok(household);
    }
}

/// <summary>Reads cover with few indexed queries: person by ID number, then his enrolments with their cards.</summary>
internal sealed class CoverageReader(CooperativeDbContext db, IPolicyStore policies, bool masked)
{
    private sealed record PersonRow(Guid Id, string Name, string IdNumber, PersonStatus Status, DateOnly? StatusSince, PersonCategory Category);

    /// <param name="Policy">The fund year's newest policy version, read with the enrolment (the cached policy is checked against it).</param>
    private sealed record EnrollmentRow(Guid PersonId, int FundYear, DateOnly EnrolledOn, string UsageJson, string CardNumber, PolicyStamp? Policy);

    /// <summary>One round trip: the person by his ID number (unique index) with every enrolment and its card number.</summary>
    public async Task<CoverageResponse?> ForPersonAsync(string idNumber, DateOnly date, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the check's statements
        var rows = await (from p in db.Persons.AsNoTracking() where p.IdNumber == idNumber
                          from e in db.Enrollments.Where(e => e.PersonId == p.Id).DefaultIfEmpty()
                          from h in db.Households.Where(h => h.Id == e!.HouseholdId).DefaultIfEmpty()
                          select new
                          {
                              Person = new PersonRow(p.Id, p.Name, p.IdNumber, p.Status, p.StatusSince, p.Category),
                              FundYear = (int?)e!.FundYear, EnrolledOn = (DateOnly?)e.EnrolledOn,
                              UsageJson = e.UsageJson,
                              CardNumber = h!.CardNumber,
                              PolicyVersion = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).Max(f => (int?)f.Version),
                              PolicyChanged = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).OrderByDescending(f => f.Version)
                                  .Select(f => (DateTime?)f.ChangedUtc).FirstOrDefault(),
                          }).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var person = rows[0].Person;
        var enrollments = rows.Where(r => r.FundYear is not null)
            .Select(r => new EnrollmentRow(person.Id, r.FundYear!.Value, r.EnrolledOn!.Value, r.UsageJson, r.CardNumber,
                PolicyStamp.From(r.PolicyVersion, r.PolicyChanged))).ToList();
        string? currentCard = null;
        if (!enrollments.Any(e => e.FundYear == date.Year))
            currentCard = await (from m in db.Memberships where m.PersonId == person.Id
                                 join h in db.Households on m.HouseholdId equals h.Id
                                 orderby m.From descending
                                 select h.CardNumber).FirstOrDefaultAsync(ct);
        return await AnswerAsync(person, enrollments, currentCard, date, ct);
    }

    public async Task<HouseholdCoverageResponse?> ForHouseholdAsync(string cardNumber, DateOnly date, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.CardNumber == cardNumber).Select(h => h.Id).ToListAsync(ct);
        if (household.Count == 0) return null;
        var members = await (from m in db.Memberships
                             where m.HouseholdId == household[0] && m.From <= date && (m.To == null || m.To > date)
                             join p in db.Persons on m.PersonId equals p.Id
                             orderby p.BirthDate
                             select new PersonRow(p.Id, p.Name, p.IdNumber, p.Status, p.StatusSince, p.Category)).ToListAsync(ct);
        var enrollments = await EnrollmentsAsync(members.Select(m => m.Id).ToList(), ct);
        var answers = new List<CoverageResponse>();
        foreach (var member in members)
            answers.Add(await AnswerAsync(member, enrollments.Where(e => e.PersonId == member.Id).ToList(), cardNumber, date, ct));
        return new HouseholdCoverageResponse(cardNumber, date, CoverageRule.FundYearOf(date), answers);
    }

    private async Task<List<EnrollmentRow>> EnrollmentsAsync(List<Guid> personIds, CancellationToken ct)
    {
        var rows = await (from e in db.Enrollments where personIds.Contains(e.PersonId)
                          join h in db.Households on e.HouseholdId equals h.Id
                          select new
                          {
                              e.PersonId, e.FundYear, e.EnrolledOn, e.UsageJson, h.CardNumber,
                              PolicyVersion = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).Max(f => (int?)f.Version),
                              PolicyChanged = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).OrderByDescending(f => f.Version)
                                  .Select(f => (DateTime?)f.ChangedUtc).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new EnrollmentRow(r.PersonId, r.FundYear, r.EnrolledOn, r.UsageJson, r.CardNumber,
            PolicyStamp.From(r.PolicyVersion, r.PolicyChanged))).ToList();
    }

    private async Task<CoverageResponse> AnswerAsync(PersonRow person, List<EnrollmentRow> enrollments, string? currentCard,
        DateOnly date, CancellationToken ct)
    {
        var decision = CoverageRule.Decide(date, person.Status, person.StatusSince,
            enrollments.Select(e => new EnrollmentFact(e.FundYear, e.EnrolledOn)));
        var enrollment = enrollments.FirstOrDefault(e => e.FundYear == decision.FundYear);
        RemainingCapsResponse? remaining = null;
        if (decision.Covered && await policies.InForceAsync(decision.FundYear, date, enrollment!.Policy, ct) is { } policy)
        {
            var usage = Benefits.UsageJson.ToPriorUse(enrollment!.UsageJson);
            var rules = policy.Rules;
            var caps = RemainingCaps.Of(rules, usage.InpatientPaidThisYear, usage.OutpatientPaidThisYear);
            remaining = new RemainingCapsResponse(caps.Inpatient, caps.Outpatient,
                rules.ChronicGroups.Count == 0 ? null : await ChronicRemainingAsync(person.Id, rules, usage, date, ct),
                rules.Catastrophic is { } c ? Math.Max(0m, c.AnnualCap - usage[UsagePots.Catastrophic]) : null,
                rules.Assistance?.For(person.Category.ToString()) is { } a ? Math.Max(0m, a.AnnualCap - usage[UsagePots.Assistance]) : null);
        }
        return new CoverageResponse(decision.Covered, decision.Reason, MessageFor(decision), decision.FundYear, date,
            enrollment?.CardNumber ?? currentCard,
            PersonMasking.Name(person.Name, masked),
            PersonMasking.IdNumber(person.IdNumber, masked),
            remaining);
    }

    /// <summary>The groups of the diseases certified for him in force on the date (one indexed read, only in a year with groups).</summary>
    private async Task<List<ChronicRemaining>> ChronicRemainingAsync(Guid personId, PolicyRules rules, PriorUse usage, DateOnly date,
        CancellationToken ct)
    {
        var certified = await db.DiseaseCertifications.InForceAsync(personId, date, ct);
        return certified.Select(c => (Certification: c, Group: rules.ChronicGroups.FirstOrDefault(g => g.Code == c.GroupCode)))
            .Where(x => x.Group is not null)
            .Select(x => new ChronicRemaining(x.Group!.Code, x.Group.Name, x.Certification.DiseaseCode,
                Math.Max(0m, x.Group.AnnualCap - usage[UsagePots.Chronic(x.Group.Code)])))
            .OrderBy(x => x.Group, StringComparer.Ordinal).ToList();
    }

    private static string MessageFor(CoverageDecision decision) => decision.Reason switch
    {
        null => $"已参加{decision.FundYear}年度合作医疗",
        CoverageRule.NotEnrolled => "未参加合作医疗",
        CoverageRule.WrongYear => $"未参加{decision.FundYear}年度合作医疗（仅参加了其他年度）",
        CoverageRule.BeforeEnrollment => $"{decision.FundYear}年度参合登记日期晚于查询日期",
        CoverageRule.PersonInactive => "该人员在查询日期已死亡或已迁出",
        _ => "未参合",
    };
}
