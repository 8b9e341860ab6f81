using Cooperative.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Geography;

public sealed record VillageResponse(string Code, string Name);

public sealed record TownshipResponse(string Code, string Name, int RuralPopulation, IReadOnlyList<VillageResponse> Villages);

/// <summary>The county the scheme serves: what the public page prints in its title and footer.</summary>
public sealed record CountyResponse(string Name, string Code, string Office);

/// <summary>The county, its townships and villages: public reference data.</summary>
public static class GeographyApi
{
    public static IEndpointRouteBuilder MapGeographyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/townships", List).WithTags("Geography").AllowAnonymous()
            .WithSummary("The county's townships and villages (乡镇、村)")
            .WithDescription("Every township with its villages and their codes. Public reference data.")
            .WithName("ListTownships");
        routes.MapGet("/api/public/county", County).WithTags("Public").AllowAnonymous()
            .WithSummary("The county the scheme serves (县、市)")
            .WithDescription("Its name, administrative division code and scheme office (`County:*`), as the public "
                + "page prints them. Anonymous.")
            .WithName("GetCounty");
        return routes;
    }

    private static Ok<CountyResponse> County(IOptions<CountyOptions> county) =>
        TypedResults.Ok(new CountyResponse(county.Value.Name, county.Value.Code, county.Value.Office));

    private static async Task<Ok<List<TownshipResponse>>> List(CooperativeDbContext db, CancellationToken ct)
    {
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var villages = (await db.Villages.AsNoTracking().OrderBy(v => v.Code).ToListAsync(ct)).ToLookup(v => v.TownshipCode);
        return TypedResults.Ok(townships.Select(t => new TownshipResponse(t.Code, t.Name, t.RuralPopulation,
            villages[t.Code].Select(v => new VillageResponse(v.Code, v.Name)).ToList())).ToList());
    }
}
