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

/// <summary>Administrators register applicants, correct records and change a designation's status.</summary>
internal static class FacilityAdministrationApi
{
    private const string TransitionInvalid = "facility_status_transition_invalid";

    public static void MapFacilityAdministration(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Register an applicant facility (申请定点)")
            .WithDescription("Registers a facility applying for designation, under a new code (a capital letter and"
                + " 4 digits, e.g. P0005) and its licence number; it becomes designated only through "
                + "admission. Refused when the code or the licence is taken.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "facility_exists", "facility_licence_exists")
            .WithName("CreateFacility");
        group.MapPut("/{code}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Correct a facility's record")
            .WithDescription("Replaces the record's details (name, level, address, licence, contacts...); the code "
                + "and status do not change here. Refused when the licence number belongs to another "
                + "facility.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "facility_licence_exists")
            .WithName("UpdateFacility");
        group.MapPost("/{code}/status", ChangeStatus).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a facility's designation status")
            .WithDescription("Suspend (暂停), reinstate (back to designated, or warned while warnings of the term "
                + "stay uncorrected), revoke (取消) or let a revoked facility apply again, with a reason. "
                + "Suspension and revocation stop the facility's claims and live tokens at once. Refused"
                + " for a move the transition table forbids, or to designate an applicant (admission "
                + "does that).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "facility_status_transition_invalid",
                "facility_has_uncorrected_warnings")
            .WithName("ChangeFacilityStatus");
    }

    private static async Task<Results<Created<FacilityResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateFacilityRequest request, CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var validation = FacilityValidation.Validate(request, out var level, out var ownership);
        if (!validation.IsValid) return validation.ToProblem();
        var township = await db.Townships.AsNoTracking().SingleOrDefaultAsync(t => t.Code == request.TownshipCode, ct);
        var village = request.VillageCode is { Length: > 0 }
            ? await db.Villages.AsNoTracking().SingleOrDefaultAsync(v => v.Code == request.VillageCode && v.TownshipCode == request.TownshipCode, ct)
            : null;
        if (township is null) validation.Add("townshipCode", "乡镇不存在");
        if (request.VillageCode is { Length: > 0 } && village is null) validation.Add("villageCode", "该乡镇下没有这个村");
        if (!validation.IsValid) return validation.ToProblem();
        if (await db.Facilities.AnyAsync(f => f.Code == request.Code, ct))
            return Problems.Conflict("facility_exists", "机构编码已存在", $"机构编码 {request.Code} 已被使用");
        if (await db.Facilities.AnyAsync(f => f.LicenceNumber == request.LicenceNumber, ct))
            return Problems.Conflict("facility_licence_exists", "执业许可证登记号已登记", $"登记号 {request.LicenceNumber} 已属于另一家医疗机构");

        var now = clock.GetUtcNow().UtcDateTime;
        var facility = new Facility
        {
            Code = request.Code!, Name = request.Name!.Trim(), Level = level, Ownership = ownership, TownshipCode = township!.Code,
            VillageCode = village?.Code, LicenceNumber = request.LicenceNumber!, BankName = request.BankName!.Trim(),
            BankAccount = request.BankAccount!, HeadName = request.HeadName!.Trim(), Phone = request.Phone!, CreatedUtc = now,
        };
        db.Facilities.Add(facility);
        db.FacilityStatusChanges.Add(facility.Open(FacilityStatus.Applying, "提交定点申请", now, actor.Current.Name));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/facilities/{facility.Code}", facility.ToResponse(township.Name, village?.Name));
    }

    private static async Task<Results<Ok<FacilityResponse>, ValidationProblem, ProblemHttpResult>> Update(string code,
        UpdateFacilityRequest request, CooperativeDbContext db, CancellationToken ct)
    {
        var validation = FacilityValidation.Validate(request, out var ownership);
        if (!validation.IsValid) return validation.ToProblem();
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (await db.Facilities.AnyAsync(f => f.LicenceNumber == request.LicenceNumber && f.Code != code, ct))
            return Problems.Conflict("facility_licence_exists", "执业许可证登记号已登记", $"登记号 {request.LicenceNumber} 已属于另一家医疗机构");
        facility.Name = request.Name!.Trim();
        facility.Ownership = ownership;
        facility.LicenceNumber = request.LicenceNumber!;
        facility.BankName = request.BankName!.Trim();
        facility.BankAccount = request.BankAccount!;
        facility.HeadName = request.HeadName!.Trim();
        facility.Phone = request.Phone!;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await FacilityRegisterApi.ResponseAsync(db, facility, ct));
    }

    /// <summary>
    /// Suspend, reinstate (designated; warned while warnings of the term stay uncorrected), revoke, or let a
    /// revoked facility apply again. Warnings come only from inspections, designation only from admission.
    /// </summary>
    private static async Task<Results<Ok<StatusChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatus(string code,
        ChangeStatusRequest request, CooperativeDbContext db, Supervision supervision, CancellationToken ct)
    {
        var validation = new Validation().Required(request.Reason, "reason", "变更原因", 200);
        if (!Vocabulary.TryParse<FacilityStatus>(request.Status, out var to) || to == FacilityStatus.Warned)
            validation.Add("status", "状态必须是 designated、suspended、revoked 或 applying 之一（书面警告须通过监督检查记录）");
        if (!validation.IsValid) return validation.ToProblem();
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        if (facility.Status == FacilityStatus.Applying)
            return Problems.Conflict(TransitionInvalid, "申请中的医疗机构须经准入审核才能定点");
        if (to == FacilityStatus.Designated && facility.Status is FacilityStatus.Suspended or FacilityStatus.Warned)
        {
            to = SupervisionRules.OnReinstatement(await supervision.UncorrectedWarningsAsync(facility.Code, ct));
            if (to == facility.Status)
                return Problems.Conflict("facility_has_uncorrected_warnings", "本期书面警告尚未全部整改，不能恢复为定点",
                    "请先确认各项警告的整改情况");
        }
        var change = await supervision.ChangeStatusAsync(facility, to, request.Reason!.Trim(), ct);
        if (change is null)
            return Problems.Conflict(TransitionInvalid, "不允许的状态变更", FacilityStatusTransitions.Problem(facility.Status, to));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(change.ToResponse());
    }
}
