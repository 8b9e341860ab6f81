using Cooperative.Domain;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Fund;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

/// <summary>The receipt of an enrolment, or why it was refused.</summary>
internal sealed record EnrolmentOutcome(string? ReceiptNumber, Refusal? Refusal);

/// <summary>
/// Enrols members of a household for a fund year (参合缴费): one enrolment per joining member, one receipt, and
/// the ledger entry of the contributions and subsidies, in one SaveChanges. The window's endpoint and the
/// synthetic county both come through here.
/// </summary>
internal sealed class HouseholdEnrolment(CooperativeDbContext db, IPolicyStore policies, FundLedger ledger,
    SequenceAllocator numbers, ICurrentActor actor, TimeProvider clock)
{
    public async Task<EnrolmentOutcome> EnrolAsync(Guid householdId, int year, IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var today = clock.Today();
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct)) return Refused(Refusal.NotFound("household_not_found", "户不存在"));
        if (!EnrollmentApi.IsOpen(year, today))
            return Refused(Refusal.Unprocessable("fund_year_not_open", "该年度不在参合缴费期内", $"只能为 {today.Year} 或 {today.Year + 1} 年度参合缴费"));
        var policy = await policies.InForceAsync(year, year == today.Year ? today : new DateOnly(year, 1, 1), ct);
        if (policy is null) return Refused(Refusal.Unprocessable("policy_missing", "该年度尚无补偿方案", $"{year} 年度的筹资和补偿方案尚未发布"));

        var members = await (from m in db.Memberships where m.HouseholdId == householdId && m.To == null
                             join p in db.Persons on m.PersonId equals p.Id
                             where p.Status == PersonStatus.Active && personIds.Contains(p.Id)
                             select p).AsNoTracking().ToListAsync(ct);
        var strangers = personIds.Except(members.Select(p => p.Id)).ToList();
        if (strangers.Count > 0)
            return Refused(Refusal.Unprocessable("not_a_member", "所选人员不是本户在册成员", $"人员 {string.Join("、", strangers)} 不是本户在册成员"));
        var enrolled = await db.Enrollments.Where(e => e.FundYear == year && personIds.Contains(e.PersonId))
            .Select(e => e.PersonId).ToListAsync(ct);
        var joining = members.Where(p => !enrolled.Contains(p.Id)).OrderBy(p => p.BirthDate).ToList();
        if (joining.Count == 0) return AlreadyEnrolled(year);

        var quote = ContributionQuote.Compute(joining.Select(p => p.Category).ToList(), policy.IndividualContribution,
            new SubsidyRates(policy.Subsidy.Central, policy.Subsidy.Province, policy.Subsidy.County));
        var number = ReceiptNumber.Format(year, await numbers.TakeAsync(db, ReceiptNumber.Sequence, year, ct, block: 1));
        var card = await db.Households.Where(h => h.Id == householdId).Select(h => h.CardNumber).SingleAsync(ct);
        var posting = await ledger.PostAsync(new JournalDraft(today, $"参合缴费 {card} {year}年度 {joining.Count}人", "receipt", number,
            quote.LedgerLines(inAdvance: year > today.Year)), ct);
        if (!posting.Succeeded) return Refused(Refusal.Unprocessable(posting.ErrorCode!, "记账失败", posting.Message));

        var receipt = new Receipt
        {
            Number = number, FundYear = year, HouseholdId = householdId, IssuedOn = today, PersonCount = joining.Count,
            IndividualAmount = quote.IndividualTotal, CivilAffairsAmount = quote.CivilAffairsTotal, PolicyVersion = policy.Version,
            JournalEntryId = posting.Entry!.Id, IssuedBy = actor.Current.Name, IssuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Receipts.Add(receipt);
        db.Enrollments.AddRange(joining.Select((p, i) => new Enrollment
        {
            PersonId = p.Id, FundYear = year, HouseholdId = householdId, EnrolledOn = today, ReceiptId = receipt.Id,
            PaidBy = quote.Shares[i].Payer, Contribution = quote.Shares[i].Amount, PolicyVersion = policy.Version,
        }));
        if (await db.TrySaveUniqueAsync(ct) is false) return AlreadyEnrolled(year);
        return new EnrolmentOutcome(number, null);
    }

    private static EnrolmentOutcome Refused(Refusal problem) => new(null, problem);

    private static EnrolmentOutcome AlreadyEnrolled(int year) =>
        Refused(Refusal.Conflict("already_enrolled", "所选成员均已参合", $"所选成员均已登记 {year} 年度参合"));
}
