using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>Reading the register: staff list and read every facility; a facility reads its own record and history.</summary>
internal static class FacilityRegisterApi
{
    public static void MapFacilityRegister(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).RequireAuthorization(Policies.Staff)
            .WithSummary("List designated facilities (定点医疗机构名册)")
            .WithDescription("Pages of the facility register, filtered by level, township, status and ownership, and by q: "
                + "the start of a code or part of a name.")
            .WithName("ListFacilities");
        group.MapGet("/{code}", Get).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("Get a facility's record")
            .WithDescription("The whole record of a facility with its township and village. A facility's system "
                + "reads only its own record (another code is not found).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("GetFacility");
        group.MapGet("/{code}/status-history", History).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("A facility's status history")
            .WithDescription("Every change of a facility's designation status, oldest first, with its reason and "
                + "who made it. A facility reads only its own.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_not_found")
            .WithName("GetFacilityStatusHistory");
    }

    private static async Task<Results<Ok<Page<FacilitySummaryResponse>>, ValidationProblem>> List(CooperativeDbContext db,
        string? level, string? township, string? status, string? ownership, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var validation = FacilityFilter.Parse(level, township, status, ownership, out var filter).PageBounds(page, pageSize);
        if (!validation.IsValid) return validation.ToProblem();
        var rows = await (filter with { Text = q?.Trim() }).Apply(db).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<FacilitySummaryResponse>(
            rows.Items.Select(r => r.Facility.ToSummary(r.TownshipName)).ToList(), rows.PageNumber, rows.PageSize, rows.Total));
    }

    private static async Task<Results<Ok<FacilityResponse>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user,
        CooperativeDbContext db, CancellationToken ct)
    {
        if (!user.MayRead(code)) return FacilityAccess.NotFound();
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (facility is null) return FacilityAccess.NotFound();
        return TypedResults.Ok(await ResponseAsync(db, facility, ct));
    }

    /// <summary>The whole record, with the names of its township and village.</summary>
    public static async Task<FacilityResponse> ResponseAsync(CooperativeDbContext db, Facility facility, CancellationToken ct)
    {
        var township = await db.Townships.Where(t => t.Code == facility.TownshipCode).Select(t => t.Name).SingleAsync(ct);
        var village = facility.VillageCode is null ? null
            : await db.Villages.Where(v => v.Code == facility.VillageCode).Select(v => v.Name).SingleOrDefaultAsync(ct);
        return facility.ToResponse(township, village);
    }

    private static async Task<Results<Ok<List<StatusChangeResponse>>, ProblemHttpResult>> History(string code,
        ClaimsPrincipal user, CooperativeDbContext db, CancellationToken ct)
    {
        if (!user.MayRead(code) || !await db.Facilities.AnyAsync(f => f.Code == code, ct)) return FacilityAccess.NotFound();
        var changes = await db.FacilityStatusChanges.AsNoTracking().Where(c => c.FacilityCode == code)
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(changes.Select(c => c.ToResponse()).ToList());
    }
}
