using Cooperative.Api.Audit;
using Cooperative.Api.Benefits;
using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Facilities;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <param name="Key">What identifies the facility in a bill's key: its register code, or "@" and the normal form of its name.</param>
internal sealed record FacilityParty(string? Code, string Name, FacilityLevel Level, string Key, Refusal? Refusal);

internal sealed record PatientParty(Guid PersonId, string IdNumber, string Name, Guid EnrollmentId, int FundYear, Refusal? Refusal)
{
    /// <summary>His assisted category (医疗救助 pays by it).</summary>
    public PersonCategory Category { get; init; }

    /// <summary>The newest policy version of the covering fund year, read with the enrolment.</summary>
    public PolicyStamp? NewestPolicy { get; init; }
}

/// <summary>
/// Who a claim is about and where: the facility (its designation checked on every submission) and the insured
/// person with the enrolment that covers the service date; and the person's yearly usage, which the settlement
/// locks and moves.
/// </summary>
internal sealed class ClaimParties(CooperativeDbContext db, FacilityEligibility eligibility, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>
    /// A facility of the county is named by its register code, whichever channel brings the bill; free text is
    /// for facilities outside the county only, and a name that is a registered facility's is refused.
    /// </summary>
    public async Task<FacilityParty> FacilityAsync(ClaimDraft draft, CancellationToken ct)
    {
        if (draft.FacilityCode is { Length: > 0 } code)
        {
            var (check, facility) = await eligibility.CheckFacilityAsync(code, draft.DischargeDate, ct);
            if (facility is null || !check.Eligible) return new FacilityParty(code, "", FacilityLevel.County, code, check.ToRefusal());
            return new FacilityParty(facility.Code, facility.Name, facility.Level, facility.Code, null);
        }
        var name = draft.FacilityName!.Trim();
        var key = BillText.NameKey(name);
        var registered = await RegisteredNamesAsync(ct);
        if (registered.TryGetValue(key, out var match))
            return new FacilityParty(null, name, draft.FacilityLevel!.Value, "", Refusal.Unprocessable(ClaimErrors.FacilityInRegister,
                "本市定点医疗机构请按机构编码录入", $"“{name}”是本市登记的医疗机构（编码 {match}），请填写 facilityCode，不要以文字录入"));
        return new FacilityParty(null, name, draft.FacilityLevel!.Value, "@" + key, null);
    }

    private async Task<Dictionary<string, string>> RegisteredNamesAsync(CancellationToken ct)
    {
        var facilities = await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Name }).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in facilities) names.TryAdd(BillText.NameKey(f.Name), f.Code);
        return names;
    }

    /// <summary>
    /// The person the bill names: by ID number, or by household card and name. The registered name must be the
    /// bill's (in normal form), and a card, where given, must be his household's; then the enrolment that covers
    /// the service date (<see cref="CoverageRule.ServiceDate"/>).
    /// </summary>
    public async Task<PatientParty> PatientAsync(ClaimDraft draft, CancellationToken ct)
    {
        var serviceDate = CoverageRule.ServiceDate(draft.VisitType, draft.AdmissionDate, draft.DischargeDate);
        var card = draft.CardNumber?.Trim();
        var nameKey = BillText.NameKey(draft.PatientName ?? "");
        var normalized = draft.IdNumber?.Trim().ToUpperInvariant();
        IQueryable<Person> persons;
        if (normalized is { Length: > 0 }) persons = db.Persons.Where(p => p.IdNumber == normalized);
        else
        {
            var members = await (from h in db.Households where h.CardNumber == card
                                 join m in db.Memberships on h.Id equals m.HouseholdId
                                 where m.To == null || m.To > serviceDate
                                 join p in db.Persons on m.PersonId equals p.Id
                                 select new { p.Id, p.Name }).AsNoTracking().ToListAsync(ct);
            var personId = members.Where(m => BillText.NameKey(m.Name) == nameKey).OrderBy(m => m.Id).Select(m => (Guid?)m.Id).FirstOrDefault();
            if (personId is null && members.Count > 0) return Mismatch($"合作医疗证 {card} 的家庭成员中没有“{draft.PatientName!.Trim()}”");
            persons = db.Persons.Where(p => p.Id == personId);
        }

        // One round trip: the person with every enrolment of his, and for each its fund year's newest policy version
        // (the settlement's policy is checked against it instead of by a query of its own).
        var rows = await (from p in persons
                          from e in db.Enrollments.Where(e => e.PersonId == p.Id).DefaultIfEmpty()
                          select new
                          {
                              p.Id, p.IdNumber, p.Name, p.Status, p.StatusSince, p.Category,
                              EnrollmentId = (Guid?)e!.Id, FundYear = (int?)e.FundYear, EnrolledOn = (DateOnly?)e.EnrolledOn,
                              PolicyVersion = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).Max(f => (int?)f.Version),
                              PolicyChanged = db.FundYearPolicies.Where(f => f.FundYear == e.FundYear).OrderByDescending(f => f.Version)
                                  .Select(f => (DateTime?)f.ChangedUtc).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
            return Refused(Refusal.Unprocessable(ClaimErrors.PersonNotFound, "查无此参合人员", "请核对身份证号或合作医疗证号与姓名"));
        var person = rows[0];
        if (BillText.NameKey(person.Name) != nameKey)
            return Mismatch($"身份证号 {person.IdNumber} 登记的姓名与发票上的患者姓名“{draft.PatientName!.Trim()}”不一致");
        if (card is { Length: > 0 } && normalized is { Length: > 0 } && !await HoldsCardAsync(person.Id, card, serviceDate, ct))
            return Mismatch($"合作医疗证 {card} 不是该人员所在户的证");

        var enrollments = rows.Where(r => r.EnrollmentId is not null)
            .Select(r => new
            {
                Id = r.EnrollmentId!.Value, FundYear = r.FundYear!.Value, EnrolledOn = r.EnrolledOn!.Value,
                Policy = PolicyStamp.From(r.PolicyVersion, r.PolicyChanged),
            }).ToList();
        var decision = CoverageRule.Decide(serviceDate, person.Status, person.StatusSince,
            enrollments.Select(e => new EnrollmentFact(e.FundYear, e.EnrolledOn)));
        if (decision.Covered)
        {
            var covering = enrollments.Single(e => e.FundYear == decision.FundYear);
            return new PatientParty(person.Id, person.IdNumber, person.Name, covering.Id, decision.FundYear, null)
            {
                Category = person.Category, NewestPolicy = covering.Policy,
            };
        }
        var what = draft.VisitType == VisitType.Inpatient ? "入院日期" : "就诊日期";
        return Refused(decision.Reason switch
        {
            CoverageRule.WrongYear => Refusal.Unprocessable(ClaimErrors.OutsideFundYear, $"{what}不在参合年度内",
                $"该人员未参加 {decision.FundYear} 年度合作医疗（仅参加了其他年度）"),
            CoverageRule.PersonInactive => Refusal.Unprocessable(ClaimErrors.NotEnrolled, $"{what}该人员未参合",
                $"该人员在{what} {serviceDate:yyyy-MM-dd} 前已死亡或迁出"),
            CoverageRule.BeforeEnrollment => Refusal.Unprocessable(ClaimErrors.NotEnrolled, $"{what}该人员未参合",
                $"{what} {serviceDate:yyyy-MM-dd} 早于参合登记日期：参合前已开始的住院或就诊不予报销"),
            _ => Refusal.Unprocessable(ClaimErrors.NotEnrolled, $"{what}该人员未参合", $"{serviceDate:yyyy-MM-dd} 该人员没有有效的参合记录"),
        });
    }

    /// <summary>The card of the household he belonged to on the service date, or of his household now.</summary>
    private Task<bool> HoldsCardAsync(Guid personId, string card, DateOnly serviceDate, CancellationToken ct) =>
        (from m in db.Memberships where m.PersonId == personId && (m.To == null || m.To > serviceDate)
         join h in db.Households on m.HouseholdId equals h.Id where h.CardNumber == card
         select m.PersonId).AnyAsync(ct);

    /// <summary>Locks the person's usage row of the year for the rest of the transaction and reads it.</summary>
    /// <remarks>
    /// MariaDB/MySQL read the row with the locking read itself, which always sees the newest committed values;
    /// SQLite transactions begin IMMEDIATE, so one writer at a time reads and writes.
    /// </remarks>
    public async Task<PriorUse> LockUsageAsync(Guid enrollmentId, CancellationToken ct)
    {
        var usage = db.Database.IsMySql()
            ? (await db.Database.SqlQuery<string>($"SELECT UsageJson AS Value FROM enrollments WHERE Id = {enrollmentId} FOR UPDATE")
                .ToListAsync(ct)).Single()
            : await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId).Select(e => e.UsageJson).SingleAsync(ct);
        return UsageJson.ToPriorUse(usage);
    }

    /// <summary>
    /// Adds a settlement's usage to the person's (sign −1 takes a reversed one's back), with an audit record of before
    /// and after.
    /// </summary>
    public async Task ApplyUsageAsync(Guid enrollmentId, IReadOnlyDictionary<string, decimal> deltas, int sign, PriorUse before, CancellationToken ct)
    {
        if (deltas.Count == 0) return;
        // The row is locked by LockUsageAsync in this transaction, so the value read there is still the value now.
        var old = UsageJson.Write(before.Amounts);
        var updated = UsageJson.Write(UsageJson.Add(before.Amounts, deltas, sign));
        // On MariaDB a plain statement: the LINQ update cost as much time in the API as the claim's lookups.
        var rows = db.Database.IsMySql()
            ? await db.Database.ExecuteSqlAsync($"UPDATE enrollments SET UsageJson = {updated} WHERE Id = {enrollmentId}", ct)
            : await db.Enrollments.Where(e => e.Id == enrollmentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UsageJson, updated), ct);
        if (rows != 1) throw new InvalidOperationException($"Enrollment {enrollmentId} vanished while settling.");
        var who = actor.Current;
        db.AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, CorrelationId = who.CorrelationId,
            EntityType = "Enrollment", EntityId = enrollmentId.ToString(), Action = AuditActions.Updated,
            Before = $"{{\"UsageJson\":{old}}}", After = $"{{\"UsageJson\":{updated}}}",
        });
    }

    private static PatientParty Mismatch(string detail) =>
        Refused(Refusal.Unprocessable(ClaimErrors.PatientMismatch, "患者身份与参合登记不符", detail));

    private static PatientParty Refused(Refusal refusal) => new(Guid.Empty, "", "", Guid.Empty, 0, refusal);
}
