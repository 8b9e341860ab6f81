using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>What the applicant showed, for the admission decision (dates yyyy-MM-dd).</summary>
public sealed record AdmissionRequest(DateOnly? DecidedOn, int? LicensedDoctors, DateOnly? LicenceValidUntil, DateOnly? OpenedOn,
    bool? HasInformationSystem, bool? PublishesPrices, bool? NoSeriousViolations, string? Note);

public sealed record AdmissionResponse(Guid Id, string FacilityCode, DateOnly DecidedOn, bool Admitted,
    IReadOnlyList<ConditionOutcome> Conditions, string? Note, string DecidedBy);

/// <summary>
/// Admission (定点准入): the published conditions are checked against what the applicant showed; the decision is
/// recorded either way, and an admitted applicant is designated. A letter and a client follow separately.
/// </summary>
internal static class AdmissionApi
{
    public static void MapAdmission(this RouteGroupBuilder group)
    {
        group.MapPost("/{code}/admission", Decide).RequireAuthorization(Policies.Admin)
            .WithSummary("Decide an applicant's admission (定点准入)")
            .WithDescription("Checks the published admission conditions against what the applicant showed and "
                + "records the decision either way; an admitted applicant is designated (a letter and a "
                + "client follow separately). Refused for a facility not applying.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "facility_not_applying")
            .WithName("DecideFacilityAdmission");
        group.MapGet("/{code}/admissions", List).RequireAuthorization(Policies.Staff)
            .WithSummary("A facility's admission decisions")
            .WithDescription("Every admission decision recorded for the facility, with each condition's outcome.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("ListFacilityAdmissions");
    }

    private static async Task<Results<Ok<AdmissionResponse>, ValidationProblem, ProblemHttpResult>> Decide(string code,
        AdmissionRequest request, CooperativeDbContext db, Supervision supervision, ICurrentActor actor, TimeProvider clock,
        CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.DecidedOn is not null, "decidedOn", "审核日期不能为空")
            .Check(request.LicensedDoctors is >= 0 and <= 10000, "licensedDoctors", "执业（助理）医师人数必须是0至10000之间的整数")
            .Check(request.LicenceValidUntil is not null, "licenceValidUntil", "执业许可证有效期不能为空")
            .Check(request.OpenedOn is not null, "openedOn", "开业日期不能为空")
            .Check(request.HasInformationSystem is not null, "hasInformationSystem", "请说明是否具备费用数据上传系统")
            .Check(request.PublishesPrices is not null, "publishesPrices", "请说明是否公示收费项目和标准")
            .Check(request.NoSeriousViolations is not null, "noSeriousViolations", "请说明近一年内有无重大医疗事故和违法违规行为")
            .Optional(request.Note, "note", "备注", 500, TextKind.MultiLine)
            .Date(request.DecidedOn, "decidedOn", "审核日期").Date(request.LicenceValidUntil, "licenceValidUntil", "执业许可证有效期")
            .Date(request.OpenedOn, "openedOn", "开业日期");
        if (request.DecidedOn is { } decided && decided > clock.Today()) validation.Add("decidedOn", "审核日期不能晚于今天");
        if (!validation.IsValid) return validation.ToProblem();
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (facility.Status != FacilityStatus.Applying)
            return Problems.Conflict("facility_not_applying", "该医疗机构不在申请中，无需准入审核");

        var decision = AdmissionConditions.Evaluate(new AdmissionApplication(facility.Level, facility.LicenceNumber,
            request.LicenceValidUntil!.Value, request.LicensedDoctors!.Value, request.OpenedOn!.Value,
            !string.IsNullOrWhiteSpace(facility.BankAccount), request.HasInformationSystem!.Value, request.PublishesPrices!.Value,
            request.NoSeriousViolations!.Value), request.DecidedOn!.Value);
        var record = new AdmissionRecord
        {
            FacilityCode = code, DecidedOn = request.DecidedOn.Value, LicensedDoctors = request.LicensedDoctors.Value,
            LicenceValidUntil = request.LicenceValidUntil.Value, OpenedOn = request.OpenedOn.Value,
            HasInformationSystem = request.HasInformationSystem.Value, PublishesPrices = request.PublishesPrices.Value,
            NoSeriousViolations = request.NoSeriousViolations.Value, Conditions = decision.Conditions.ToList(),
            Admitted = decision.Admitted, Note = request.Note?.Trim(), DecidedUtc = clock.GetUtcNow().UtcDateTime,
            DecidedBy = actor.Current.Name,
        };
        db.FacilityAdmissions.Add(record);
        if (decision.Admitted) await supervision.ChangeStatusAsync(facility, FacilityStatus.Designated, "准入审核通过", ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(record));
    }

    private static async Task<Results<Ok<List<AdmissionResponse>>, ProblemHttpResult>> List(string code, CooperativeDbContext db,
        CancellationToken ct)
    {
        if (!await db.Facilities.AnyAsync(f => f.Code == code, ct)) return FacilityAccess.NotFound();
        var records = await db.FacilityAdmissions.AsNoTracking().Where(r => r.FacilityCode == code)
            .OrderBy(r => r.DecidedUtc).ToListAsync(ct);
        return TypedResults.Ok(records.Select(ToResponse).ToList());
    }

    private static AdmissionResponse ToResponse(AdmissionRecord r) =>
        new(r.Id, r.FacilityCode, r.DecidedOn, r.Admitted, r.Conditions, r.Note, r.DecidedBy);
}
