using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Policy;

public sealed record CatalogueItemResponse(string Code, string Name, CatalogueCategory Category,
    Cooperative.Domain.Reimbursement.CatalogueStatus Status, decimal SelfPayShare);

/// <summary>The drug and service catalogue is published: anyone may read it.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/catalogue", List).WithTags("Policy").AllowAnonymous()
            .WithSummary("Search the catalogue of drugs and services (目录)")
            .WithDescription("Pages of catalogue items (code, name, category, status) found by q: the start of a code "
                + "or part of a name. Public.")
            .WithName("ListCatalogue");
        return routes;
    }

    private static async Task<Results<Ok<Page<CatalogueItemResponse>>, ValidationProblem>> List(CooperativeDbContext db, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Refusal(page, pageSize) is { } refusal) return refusal;
        var query = db.CatalogueItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(i => i.Code.StartsWith(q) || i.Name.Contains(q));
        var result = await query.OrderBy(i => i.Code)
            .Select(i => new CatalogueItemResponse(i.Code, i.Name, i.Category, i.Status, i.SelfPayShare))
            .ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(result);
    }
}
