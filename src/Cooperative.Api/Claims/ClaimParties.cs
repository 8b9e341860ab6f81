using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Facilities;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

internal sealed record FacilityParty(string? Code, string Name, FacilityLevel Level, ProblemHttpResult? Refusal);

internal sealed record PatientParty(Guid PersonId, string IdNumber, string Name, Guid EnrollmentId, ProblemHttpResult? Refusal);

/// <summary>
/// Who a claim is about and where: the facility (its designation checked on every submission) and the insured
/// person with the enrolment that covers the service date; and the person's yearly usage, which the settlement
/// locks and moves.
/// </summary>
internal sealed class ClaimParties(CooperativeDbContext db, FacilityEligibility eligibility, ICurrentActor actor, TimeProvider clock)
{
    public async Task<FacilityParty> FacilityAsync(ClaimDraft draft, CancellationToken ct)
    {
        if (draft.FacilityCode is { Length: > 0 } code)
        {
            var (check, facility) = await eligibility.CheckFacilityAsync(code, draft.DischargeDate, ct);
            if (facility is null || !check.Eligible) return new FacilityParty(code, "", FacilityLevel.County, check.ToProblem());
            return new FacilityParty(facility.Code, facility.Name, facility.Level, null);
        }
        return new FacilityParty(null, draft.FacilityName!.Trim(), draft.FacilityLevel!.Value, null);
    }

    public async Task<PatientParty> PatientAsync(string? idNumber, string? cardNumber, string? name, DateOnly serviceDate, CancellationToken ct)
    {
        var persons = db.Persons.AsNoTracking();
        var normalized = idNumber?.Trim().ToUpperInvariant();
        var matching = normalized is { Length: > 0 }
            ? persons.Where(p => p.IdNumber == normalized)
            : persons.Where(p => p.Name == name!.Trim() && db.Memberships.Any(m => m.PersonId == p.Id && m.To == null
                && db.Households.Any(h => h.Id == m.HouseholdId && h.CardNumber == cardNumber!.Trim())));
        // One round trip: the person (the first one, by card and name) with every enrolment of his.
        var rows = await (from p in matching.OrderBy(p => p.Id).Take(1)
                          from e in db.Enrollments.Where(e => e.PersonId == p.Id).DefaultIfEmpty()
                          select new
                          {
                              p.Id, p.IdNumber, p.Name, p.Status, p.StatusSince,
                              EnrollmentId = (Guid?)e!.Id, FundYear = (int?)e.FundYear, EnrolledOn = (DateOnly?)e.EnrolledOn,
                          }).ToListAsync(ct);
        var person = rows.FirstOrDefault();
        if (person is null)
            return Refused(Problems.Of(StatusCodes.Status422UnprocessableEntity, ClaimErrors.PersonNotFound, "查无此参合人员", "请核对身份证号或合作医疗证号与姓名"));
        var enrollments = rows.Where(r => r.EnrollmentId is not null)
            .Select(r => new { Id = r.EnrollmentId!.Value, FundYear = r.FundYear!.Value, EnrolledOn = r.EnrolledOn!.Value }).ToList();
        var decision = CoverageRule.Decide(serviceDate, person.Status, person.StatusSince,
            enrollments.Select(e => new EnrollmentFact(e.FundYear, e.EnrolledOn)));
        if (decision.Covered)
            return new PatientParty(person.Id, person.IdNumber, person.Name, enrollments.Single(e => e.FundYear == decision.FundYear).Id, null);
        return Refused(decision.Reason == CoverageRule.WrongYear
            ? Problems.Of(StatusCodes.Status422UnprocessableEntity, ClaimErrors.OutsideFundYear, "就诊日期不在参合年度内",
                $"该人员未参加 {serviceDate.Year} 年度合作医疗（仅参加了其他年度）")
            : Problems.Of(StatusCodes.Status422UnprocessableEntity, ClaimErrors.NotEnrolled, "就诊日期该人员未参合",
                decision.Reason == CoverageRule.PersonInactive
                    ? $"该人员在 {serviceDate:yyyy-MM-dd} 前已死亡或迁出"
                    : $"{serviceDate:yyyy-MM-dd} 该人员没有有效的参合记录"));
    }

    /// <summary>Locks the person's usage row of the year for the rest of the transaction and reads it.</summary>
    /// <remarks>
    /// MariaDB/MySQL read the row with the locking read itself, which always sees the newest committed values;
    /// SQLite transactions begin IMMEDIATE, so one writer at a time reads and writes.
    /// </remarks>
    public async Task<PriorUse> LockUsageAsync(Guid enrollmentId, CancellationToken ct)
    {
        var usage = db.Database.IsMySql()
            ? (await db.Database.SqlQuery<UsageRow>(
                $"SELECT InpatientPaid, OutpatientPaid FROM enrollments WHERE Id = {enrollmentId} FOR UPDATE").ToListAsync(ct)).Single()
            : await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId)
                .Select(e => new UsageRow(e.InpatientPaid, e.OutpatientPaid)).SingleAsync(ct);
        return new PriorUse(usage.InpatientPaid, usage.OutpatientPaid);
    }

    private sealed record UsageRow(decimal InpatientPaid, decimal OutpatientPaid);

    /// <summary>Adds to (or, for a reversal, takes from) the usage, with an audit record of before and after.</summary>
    public async Task AddUsageAsync(Guid enrollmentId, VisitType visit, decimal amount, PriorUse before, CancellationToken ct)
    {
        // The row is locked by LockUsageAsync in this transaction, so the value read there is still the value now.
        var rows = visit == VisitType.Inpatient
            ? await db.Enrollments.Where(e => e.Id == enrollmentId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.InpatientPaid, before.InpatientPaidThisYear + amount), ct)
            : await db.Enrollments.Where(e => e.Id == enrollmentId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.OutpatientPaid, before.OutpatientPaidThisYear + amount), ct);
        if (rows != 1) throw new InvalidOperationException($"Enrollment {enrollmentId} vanished while settling.");
        var (field, old) = visit == VisitType.Inpatient ? ("InpatientPaid", before.InpatientPaidThisYear) : ("OutpatientPaid", before.OutpatientPaidThisYear);
        var who = actor.Current;
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, CorrelationId = who.CorrelationId,
            EntityType = "Enrollment", EntityId = enrollmentId.ToString(), Action = AuditActions.Updated,
            Before = $"{{\"{field}\":{old.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}",
            After = $"{{\"{field}\":{(old + amount).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}",
        });
    }

    private static PatientParty Refused(ProblemHttpResult problem) => new(Guid.Empty, "", "", Guid.Empty, problem);
}
