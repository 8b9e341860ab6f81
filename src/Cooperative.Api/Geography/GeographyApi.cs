using Cooperative.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Geography;

public sealed record VillageResponse(string Code, string Name);

public sealed record TownshipResponse(string Code, string Name, int RuralPopulation, IReadOnlyList<VillageResponse> Villages);

/// <summary>The county's townships and villages: public reference data.</summary>
public static class GeographyApi
{
    public static IEndpointRouteBuilder MapGeographyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/townships", List).WithTags("Geography").AllowAnonymous()
            .WithSummary("The county's townships and villages (乡镇、村)")
            .WithDescription("Every township with its villages and their codes. Public reference data.")
            .WithName("ListTownships");
        return routes;
    }

    private static async Task<Ok<List<TownshipResponse>>> List(CooperativeDbContext db, CancellationToken ct)
    {
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var villages = (await db.Villages.AsNoTracking().OrderBy(v => v.Code).ToListAsync(ct)).ToLookup(v => v.TownshipCode);
        return TypedResults.Ok(townships.Select(t => new TownshipResponse(t.Code, t.Name, t.RuralPopulation,
            villages[t.Code].Select(v => new VillageResponse(v.Code, v.Name)).ToList())).ToList());
    }
}
