using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>Whether a facility may submit claims for a service date; when not, a stable code and a Chinese message.</summary>
public sealed record EligibilityResult(bool Eligible, string? Code, string? Message)
{
    public static readonly EligibilityResult Ok = new(true, null, null);

    /// <summary>The refusal of a claim that names this facility.</summary>
    public Refusal ToRefusal() => Refusal.Unprocessable(Code ?? "facility_not_eligible", "该医疗机构不能结报新农合费用", Message);
}

/// <summary>
/// The check every claim submission makes (定点资格校验): the facility must exist, hold its designation
/// unsuspended now, and be bound by a responsibility letter on the service date. It reads the database on
/// every call, so that revoking or suspending a facility stops its claims at once, whatever tokens it holds.
/// </summary>
public sealed class FacilityEligibility(CooperativeDbContext db)
{
    public const string NotFound = "facility_not_found";
    public const string NotDesignated = "facility_not_designated";
    public const string Suspended = "facility_suspended";
    public const string NoActiveContract = "facility_no_active_contract";

    /// <summary>The facility as a claim names it, read by the same query as its eligibility.</summary>
    public sealed record FacilityFacts(string Code, string Name, FacilityLevel Level);

    public async Task<EligibilityResult> CheckAsync(string facilityCode, DateOnly serviceDate, CancellationToken ct) =>
        (await CheckFacilityAsync(facilityCode, serviceDate, ct)).Result;

    /// <summary>One round trip: the facility, its status and whether a letter binds it on the date.</summary>
    public async Task<(EligibilityResult Result, FacilityFacts? Facility)> CheckFacilityAsync(string facilityCode, DateOnly serviceDate, CancellationToken ct)
    {
        var active = FacilityContract.ActiveOn(facilityCode, serviceDate);
        var row = await db.Facilities.AsNoTracking().Where(f => f.Code == facilityCode)
            .Select(f => new { f.Code, f.Name, f.Level, f.Status, HasContract = db.FacilityContracts.Where(c => c.FacilityCode == f.Code).Any(active) })
            .SingleOrDefaultAsync(ct);
        var result = Verdict(facilityCode, serviceDate, row?.Status, row?.HasContract == true);
        return (result, row is null ? null : new FacilityFacts(row.Code, row.Name, row.Level));
    }

    private static EligibilityResult Verdict(string facilityCode, DateOnly serviceDate, FacilityStatus? status, bool hasContract) =>
        EligibilityRule.Check(status, hasContract) switch
        {
            EligibilityVerdict.Eligible => EligibilityResult.Ok,
            EligibilityVerdict.FacilityNotFound => new(false, NotFound, $"机构编码 {facilityCode} 不是本市登记的医疗机构"),
            EligibilityVerdict.NotDesignated => new(false, NotDesignated,
                $"该医疗机构{(status == FacilityStatus.Revoked ? "已被取消定点资格" : "尚未取得定点资格")}，不能结报新农合费用"),
            EligibilityVerdict.Suspended => new(false, Suspended, "该医疗机构的定点资格已暂停，暂停期间不能结报新农合费用"),
            _ => new(false, NoActiveContract, $"该医疗机构在{serviceDate:yyyy-MM-dd}没有有效的医疗服务责任书，不能结报新农合费用"),
        };
}

public sealed record EligibilityResponse(bool Eligible, string? Code, string? Message);

internal static class EligibilityApi
{
    /// <summary>The same check, over HTTP, for staff and for the facility itself (date yyyy-MM-dd, today by default).</summary>
    public static void MapEligibility(this RouteGroupBuilder group) =>
        group.MapGet("/{code}/eligibility", Check).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("Check a facility's eligibility to settle claims (定点资格校验)")
            .WithDescription("The check every claim submission makes: the facility exists, holds its designation "
                + "unsuspended now and is bound by a responsibility letter on date (yyyy-MM-dd, today by"
                + " default). Answers eligible or not with the code and message a claim would get. A "
                + "facility reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("CheckFacilityEligibility");

    private static async Task<Results<Ok<EligibilityResponse>, ValidationProblem, ProblemHttpResult>> Check(string code, DateOnly? date,
        ClaimsPrincipal user, FacilityEligibility eligibility, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Date(date, "date");
        if (!v.IsValid) return v.ToProblem();
        if (!user.MayRead(code)) return FacilityAccess.NotFound();
        var result = await eligibility.CheckAsync(code, date ?? clock.Today(), ct);
        return TypedResults.Ok(new EligibilityResponse(result.Eligible, result.Code, result.Message));
    }
}
