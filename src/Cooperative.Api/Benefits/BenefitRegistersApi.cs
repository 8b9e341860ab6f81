using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Api.Policy;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Benefits;

/// <summary>A certification to record: the disease (a code of the year's list), the certifying facility, the period.</summary>
public sealed record CertificationRequest(string? DiseaseCode, string? FacilityCode, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>A referral to file before treatment outside the county.</summary>
public sealed record ReferralRequest(string? DiagnosisCode, string? Destination, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>An early end of a certification or a filing, from a day on, with the reason.</summary>
public sealed record EndRequest(DateOnly? From, string? Reason);

public sealed record CertificationResponse(string Number, Guid PersonId, string DiseaseCode, string DiseaseName, string GroupCode,
    string FacilityCode, DateOnly ValidFrom, DateOnly ValidTo, DateOnly LastDay, bool InForceToday, string CertifiedBy, DateTime CertifiedUtc,
    DateOnly? EndedOn, string? EndedBy, string? EndReason)
{
    public static CertificationResponse Of(DiseaseCertification c, DateOnly today) => new(c.Number, c.PersonId, c.DiseaseCode, c.DiseaseName,
        c.GroupCode, c.FacilityCode, c.ValidFrom, c.ValidTo, c.LastDay, c.InForceOn(today), c.CertifiedBy, c.CertifiedUtc, c.EndedOn, c.EndedBy,
        c.EndReason);
}

public sealed record ReferralResponse(string Number, Guid PersonId, string DiagnosisCode, string Destination, DateOnly ValidFrom,
    DateOnly ValidTo, DateOnly LastDay, string ApprovedBy, DateOnly FiledOn, DateOnly? EndedOn, string? EndedBy, string? EndReason)
{
    public static ReferralResponse Of(ReferralFiling r) => new(r.Number, r.PersonId, r.DiagnosisCode, r.Destination, r.ValidFrom, r.ValidTo,
        r.LastDay, r.ApprovedBy, r.FiledOn, r.EndedOn, r.EndedBy, r.EndReason);
}

/// <summary>
/// The window's registers of the special benefits: chronic and special disease certifications (门诊慢性病/特殊病种认定)
/// and referral filings (转诊备案), each with its history. Neither can be dated back: a certification holds from the
/// day it is recorded at the earliest, a filing counts only for admissions on or after the day it was filed.
/// Staff read them; the window and administrators record and end them.
/// </summary>
public static class BenefitRegistersApi
{
    public static IEndpointRouteBuilder MapBenefitRegistersApi(this IEndpointRouteBuilder routes)
    {
        var persons = routes.MapGroup("/api/persons/{id:guid}").WithTags("Benefits").RequireAuthorization(Policies.Staff);
        persons.MapGet("/certifications", Certifications)
            .WithSummary("A person's chronic disease certifications (慢性病认定)")
            .WithDescription("Every certification of the person with its period, disease, certifying facility and "
                + "early end, if any.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.PersonNotFound)
            .WithName("ListCertifications");
        persons.MapPost("/certifications", Certify).RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("Certify a chronic or special disease (门诊慢性病/特殊病种认定)")
            .WithDescription("Records a certification of a disease of the year's list by a designated facility, for"
                + " a period from today at the earliest (never dated back). Refused when the person "
                + "already holds one for the disease in that period.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.PersonNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, BenefitErrors.CertificationOverlaps)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, BenefitErrors.DiseaseNotListed,
                BenefitErrors.FacilityNotFound)
            .WithName("CertifyDisease");
        persons.MapGet("/referrals", Referrals)
            .WithSummary("A person's referral filings (转诊备案)")
            .WithDescription("Every referral filed for the person with its destination, period and early end, if "
                + "any.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.PersonNotFound)
            .WithName("ListReferrals");
        persons.MapPost("/referrals", FileReferral).RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("File a referral (转诊备案)")
            .WithDescription("Files a referral to a hospital outside the county before treatment; it counts only "
                + "for admissions on or after the day it is filed. Refused for a destination that is a "
                + "facility of the county's register.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.PersonNotFound)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, BenefitErrors.DestinationInRegister)
            .WithName("FileReferral");
        routes.MapPost("/api/certifications/{number}/end", EndCertification).WithTags("Benefits").RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("End a certification early")
            .WithDescription("Ends a certification from a day on (today or later), with the reason; what was paid "
                + "before stays paid.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.CertificationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, BenefitErrors.AlreadyEnded)
            .WithName("EndCertification");
        routes.MapPost("/api/referrals/{number}/end", EndReferral).WithTags("Benefits").RequireAuthorization(Policies.EnrollmentClerks)
            .WithSummary("End a referral early")
            .WithDescription("Ends a referral filing from a day on (today or later), with the reason.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, BenefitErrors.ReferralNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, BenefitErrors.AlreadyEnded)
            .WithName("EndReferral");
        return routes;
    }

    private static async Task<Results<Ok<List<CertificationResponse>>, ProblemHttpResult>> Certifications(Guid id, CooperativeDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id, ct)) return PersonNotFound();
        var today = clock.Today();
        var list = await db.DiseaseCertifications.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.CertifiedUtc).ToListAsync(ct);
        return TypedResults.Ok(list.Select(c => CertificationResponse.Of(c, today)).ToList());
    }

    private static async Task<Results<Created<CertificationResponse>, ValidationProblem, ProblemHttpResult>> Certify(Guid id,
        CertificationRequest request, CooperativeDbContext db, IPolicyStore policies, SequenceAllocator numbers, ICurrentActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var v = Period(new Validation(), request.ValidFrom, request.ValidTo, today, RegisterRules.MaxCertificationDays, "认定");
        v.Required(request.DiseaseCode, "diseaseCode", "病种编码", 16).Required(request.FacilityCode, "facilityCode", "认定机构编码", 16);
        if (!v.IsValid) return v.ToProblem();
        if (!await db.Persons.AnyAsync(p => p.Id == id, ct)) return PersonNotFound();
        var from = request.ValidFrom!.Value;
        var to = request.ValidTo!.Value;
        var code = request.DiseaseCode!.Trim().ToUpperInvariant();
        // The list of the year it starts in; a year whose policy is not yet set takes today's list.
        var policy = await policies.InForceAsync(from.Year, from, ct) ?? await policies.InForceAsync(today.Year, today, ct);
        if (RegisterRules.Listed(policy?.Rules, code) is not { } listed)
            return Problems.Unprocessable(BenefitErrors.DiseaseNotListed, "该病种不在门诊慢性病/特殊病种目录内",
                $"{from.Year} 年度补偿方案的病种目录中没有 {code}（请使用目录中的病种编码）");
        var facility = await db.Facilities.AsNoTracking().Where(f => f.Code == request.FacilityCode!.Trim())
            .Select(f => new { f.Code, f.Status }).FirstOrDefaultAsync(ct);
        if (facility is null) return Problems.Unprocessable(BenefitErrors.FacilityNotFound, "认定机构不是本市登记的医疗机构", null);
        if (!Domain.Facilities.FacilityStatusTransitions.IsInService(facility.Status))
            return Problems.Unprocessable(BenefitErrors.FacilityNotFound, "认定机构当前不在定点服务状态", $"机构 {facility.Code} 已暂停或取消定点");
        var existing = await db.DiseaseCertifications.AsNoTracking().Where(c => c.PersonId == id && c.DiseaseCode == code).ToListAsync(ct);
        if (RegisterRules.Overlapping(existing, from, to) is { } overlap)
            return Problems.Conflict(BenefitErrors.CertificationOverlaps, "该人员已有同一病种的有效认定",
                $"认定 {overlap.Number}（{overlap.ValidFrom:yyyy-MM-dd} 至 {overlap.LastDay:yyyy-MM-dd}）与所填期间重叠");
        var certification = new DiseaseCertification
        {
            Number = RegisterRules.CertificationNumber(today.Year, await numbers.TakeAsync(db, "certification", today.Year, ct, block: 1)),
            PersonId = id, DiseaseCode = code, DiseaseName = listed.Disease.Name, GroupCode = listed.Group.Code,
            FacilityCode = facility.Code, ValidFrom = from, ValidTo = to, CertifiedBy = actor.Current.Name,
            CertifiedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DiseaseCertifications.Add(certification);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/persons/{id}/certifications", CertificationResponse.Of(certification, today));
    }

    private static async Task<Results<Ok<List<ReferralResponse>>, ProblemHttpResult>> Referrals(Guid id, CooperativeDbContext db, CancellationToken ct)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id, ct)) return PersonNotFound();
        var list = await db.ReferralFilings.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.FiledUtc).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ReferralResponse.Of).ToList());
    }

    private static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult>> FileReferral(Guid id,
        ReferralRequest request, CooperativeDbContext db, SequenceAllocator numbers, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var v = Period(new Validation(), request.ValidFrom, request.ValidTo, today, RegisterRules.MaxReferralDays, "备案");
        v.Required(request.Destination, "destination", "转往医院", 100)
            .Check(request.DiagnosisCode is { } d && IcdCodes.IsValid(d.Trim().ToUpperInvariant()), "diagnosisCode", "诊断编码必须是 ICD-10 编码，如 C34.9");
        if (!v.IsValid) return v.ToProblem();
        if (!await db.Persons.AnyAsync(p => p.Id == id, ct)) return PersonNotFound();
        var destination = request.Destination!.Trim();
        var key = BillText.NameKey(destination);
        var registered = await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Name }).ToListAsync(ct);
        if (registered.FirstOrDefault(f => BillText.NameKey(f.Name) == key) is { } inCounty)
            return Problems.Unprocessable(BenefitErrors.DestinationInRegister, "转往医院是本市定点医疗机构，无需转诊备案",
                $"“{destination}”是本市登记的医疗机构（编码 {inCounty.Code}）");
        var now = clock.GetUtcNow().UtcDateTime;
        var filing = new ReferralFiling
        {
            Number = RegisterRules.ReferralNumber(today.Year, await numbers.TakeAsync(db, "referral", today.Year, ct, block: 1)),
            PersonId = id, DiagnosisCode = request.DiagnosisCode!.Trim().ToUpperInvariant(), Destination = destination,
            DestinationKey = RegisterRules.DestinationKey(destination),
            ValidFrom = request.ValidFrom!.Value, ValidTo = request.ValidTo!.Value, ApprovedBy = actor.Current.Name, FiledOn = today, FiledUtc = now,
        };
        db.ReferralFilings.Add(filing);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/persons/{id}/referrals", ReferralResponse.Of(filing));
    }

    private static Task<Results<Ok<CertificationResponse>, ValidationProblem, ProblemHttpResult>> EndCertification(string number,
        EndRequest request, CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        EndAsync(db.DiseaseCertifications, number, request, db, actor, clock, BenefitErrors.CertificationNotFound, "认定记录不存在",
            c => CertificationResponse.Of(c, clock.Today()), ct);

    private static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> EndReferral(string number,
        EndRequest request, CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        EndAsync(db.ReferralFilings, number, request, db, actor, clock, BenefitErrors.ReferralNotFound, "转诊备案不存在", ReferralResponse.Of, ct);

    private static async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> EndAsync<TEntry, TResponse>(DbSet<TEntry> entries,
        string number, EndRequest request, CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, string notFound, string notFoundTitle,
        Func<TEntry, TResponse> respond, CancellationToken ct) where TEntry : RegisterEntry
    {
        var today = clock.Today();
        if (EndValidation(request, today) is { IsValid: false } v) return v.ToProblem();
        var entry = await entries.SingleOrDefaultAsync(x => x.Number == number, ct);
        if (entry is null) return Problems.NotFound(notFound, notFoundTitle);
        if (entry.End(request.From ?? today, actor.Current.Name, clock.GetUtcNow().UtcDateTime, request.Reason!.Trim()) is { } refused)
            return Problems.From(refused);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(respond(entry));
    }

    /// <summary>A period from today or later (never dated back), to a day not before it and within the longest allowed.</summary>
    private static Validation Period(Validation v, DateOnly? from, DateOnly? to, DateOnly today, int maxDays, string what)
    {
        v.Check(from is not null, "validFrom", "有效期起始日期不能为空").Check(to is not null, "validTo", "有效期截止日期不能为空")
            .Date(from, "validFrom", "有效期起始日期").Date(to, "validTo", "有效期截止日期");
        if (from is { } f && to is { } t && RegisterRules.PeriodProblem(f, t, today, maxDays, what) is { } problem)
            v.Add(problem.Field, problem.Message);
        return v;
    }

    /// <summary>An end takes effect today or later: what was paid under a certification or a filing before stays paid.</summary>
    private static Validation EndValidation(EndRequest request, DateOnly today) => new Validation()
        .Required(request.Reason, "reason", "终止原因", 500)
        .Date(request.From, "from", "终止日期")
        .Check(request.From is not { } f || f >= today, "from", "终止日期不能早于今天");

    private static ProblemHttpResult PersonNotFound() => Problems.NotFound(BenefitErrors.PersonNotFound, "查无此人员");
}
