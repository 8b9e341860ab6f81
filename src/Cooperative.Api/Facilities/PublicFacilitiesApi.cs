using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>
/// What anyone may read without a token: the designated facilities (designated, warned or suspended, with
/// their status) by name, level and township, and the published admission conditions. Never licences,
/// accounts or contacts.
/// </summary>
internal static class PublicFacilitiesApi
{
    private static readonly FacilityStatus[] Listed = [FacilityStatus.Designated, FacilityStatus.Warned, FacilityStatus.Suspended];

    public static void MapPublicFacilities(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/public/facilities").WithTags("Public").AllowAnonymous();
        group.MapGet("/", List)
            .WithSummary("The designated facilities, for the public (定点医疗机构)")
            .WithDescription("Pages of facilities that are designated, warned or suspended, with their status, by "
                + "level and township. Never licences, accounts or contacts.")
            .WithName("ListPublicFacilities");
        group.MapGet("/admission-conditions", () => TypedResults.Ok(AdmissionConditions.Published))
            .WithSummary("The published admission conditions (准入条件)")
            .WithDescription("The conditions an applicant must meet to be designated, as published.")
            .WithName("ListAdmissionConditions");
    }

    private static async Task<Results<Ok<Page<PublicFacilityResponse>>, ValidationProblem>> List(CooperativeDbContext db, string? level,
        string? township, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var validation = FacilityFilter.Parse(level, township, status, null, out var filter).PageBounds(page, pageSize);
        if (filter.Status is { } s && !Listed.Contains(s)) validation.Add("status", "公开名单只列出 designated、warned、suspended 状态的机构");
        if (!validation.IsValid) return validation.ToProblem();
        var rows = await filter.Apply(db, Listed).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<PublicFacilityResponse>(rows.Items.Select(r => r.Facility.ToPublic(r.TownshipName)).ToList(),
            rows.PageNumber, rows.PageSize, rows.Total));
    }
}
