using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

public sealed record EnrollRequest(int? FundYear, List<Guid>? PersonIds);

/// <summary>
/// Enrolment of a household's members for a fund year (参合缴费): one enrolment per joining member, one
/// receipt, and the ledger entry of the contributions and subsidies, all in one transaction.
/// </summary>
public static class EnrollmentApi
{
    public static RouteGroupBuilder MapReceiptApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/receipts").WithTags("Enrollment").RequireAuthorization(Policies.Staff);
        group.MapGet("/{number}", async (string number, CooperativeDbContext db, CancellationToken ct) =>
            await ReceiptViews.LoadAsync(db, number, ct) is { } receipt
                ? (Results<Ok<ReceiptResponse>, ProblemHttpResult>)TypedResults.Ok(receipt)
                : Problems.NotFound("receipt_not_found", "收据不存在"));
        return group;
    }

    /// <summary>Fund years open for enrolment: the current one, and the next (contributions are collected in advance).</summary>
    public static bool IsOpen(int fundYear, DateOnly today) => fundYear == today.Year || fundYear == today.Year + 1;

    internal static async Task<Results<Created<ReceiptResponse>, ValidationProblem, ProblemHttpResult>> Enroll(Guid id,
        EnrollRequest request, CooperativeDbContext db, IPolicyStore policies, FundLedger ledger, ReceiptNumberAllocator numbers,
        ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var validation = new Validation()
            .Check(request.FundYear is not null, "fundYear", "参合年度不能为空")
            .Check(request.PersonIds is { Count: > 0 }, "personIds", "请选择参合成员")
            .Check(request.PersonIds is null || request.PersonIds.Distinct().Count() == request.PersonIds.Count, "personIds", "参合成员不能重复");
        if (!validation.IsValid) return validation.ToProblem();
        var year = request.FundYear!.Value;
        var personIds = request.PersonIds!;

        if (!await db.Households.AnyAsync(h => h.Id == id, ct)) return Problems.NotFound("household_not_found", "户不存在");
        if (!IsOpen(year, today))
            return Problems.Unprocessable("fund_year_not_open", "该年度不在参合缴费期内", $"只能为 {today.Year} 或 {today.Year + 1} 年度参合缴费");
        var policy = await policies.InForceAsync(year, year == today.Year ? today : new DateOnly(year, 1, 1), ct);
        if (policy is null) return Problems.Unprocessable("policy_missing", "该年度尚无补偿方案", $"{year} 年度的筹资和补偿方案尚未发布");

        var members = await (from m in db.Memberships where m.HouseholdId == id && m.To == null
                             join p in db.Persons on m.PersonId equals p.Id
                             where p.Status == PersonStatus.Active && personIds.Contains(p.Id)
                             select p).AsNoTracking().ToListAsync(ct);
        var strangers = personIds.Except(members.Select(p => p.Id)).ToList();
        if (strangers.Count > 0)
            return Problems.Unprocessable("not_a_member", "所选人员不是本户在册成员", $"人员 {string.Join("、", strangers)} 不是本户在册成员");
        var enrolled = await db.Enrollments.Where(e => e.FundYear == year && personIds.Contains(e.PersonId))
            .Select(e => e.PersonId).ToListAsync(ct);
        var joining = members.Where(p => !enrolled.Contains(p.Id)).OrderBy(p => p.BirthDate).ToList();
        if (joining.Count == 0) return AlreadyEnrolled(year);

        var quote = ContributionQuote.Compute(joining.Select(p => p.Category).ToList(), policy.IndividualContribution,
            new SubsidyRates(policy.Subsidy.Central, policy.Subsidy.Province, policy.Subsidy.County));
        var number = await numbers.TakeAsync(db, year, ct);
        var card = await db.Households.Where(h => h.Id == id).Select(h => h.CardNumber).SingleAsync(ct);
        var posting = await ledger.PostAsync(new JournalDraft(today, $"参合缴费 {card} {year}年度 {joining.Count}人", "receipt", number,
            quote.LedgerLines()), ct);
        if (!posting.Succeeded) return Problems.Unprocessable(posting.ErrorCode!, "记账失败", posting.Message);

        var receipt = new Receipt
        {
            Number = number, FundYear = year, HouseholdId = id, IssuedOn = today, PersonCount = joining.Count,
            IndividualAmount = quote.IndividualTotal, CivilAffairsAmount = quote.CivilAffairsTotal, PolicyVersion = policy.Version,
            JournalEntryId = posting.Entry!.Id, IssuedBy = actor.Current.Name, IssuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Receipts.Add(receipt);
        db.Enrollments.AddRange(joining.Select((p, i) => new Enrollment
        {
            PersonId = p.Id, FundYear = year, HouseholdId = id, EnrolledOn = today, ReceiptId = receipt.Id,
            PaidBy = quote.Shares[i].Payer, Contribution = quote.Shares[i].Amount, PolicyVersion = policy.Version,
        }));
        if (await db.TrySaveUniqueAsync(ct) is false) return AlreadyEnrolled(year);
        return TypedResults.Created($"/api/receipts/{number}", (await ReceiptViews.LoadAsync(db, number, ct))!);
    }

    private static ProblemHttpResult AlreadyEnrolled(int year) =>
        Problems.Conflict("already_enrolled", "所选成员均已参合", $"所选成员均已登记 {year} 年度参合");
}
