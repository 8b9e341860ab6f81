using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Cooperative.Api.Disclosures;

public sealed record PublishedMonthView(string Month, DateTime PublishedUtc, int InpatientRows, decimal FundPaid);

/// <summary>
/// Published months for anyone, without a token. A published month never changes, so each rendering is kept in
/// memory and carries a strong ETag from the content's SHA-256: a client holding it gets 304 Not Modified.
/// </summary>
internal static class PublicDisclosuresApi
{
    private static readonly TimeSpan KeepRendered = TimeSpan.FromMinutes(30);

    public static void MapPublicDisclosures(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/public/disclosures").WithTags("Public").AllowAnonymous();
        group.MapGet("/", List)
            .WithSummary("The published months, for the public (补偿公示)")
            .WithDescription("Every published month with its counts and content hash, newest first.")
            .WithName("ListPublishedDisclosures");
        group.MapGet($"/{DisclosuresApi.Month}", (string month, HttpContext http, CooperativeDbContext db, IMemoryCache cache, CancellationToken ct) =>
            Serve(month, "json", http, db, cache, ct))
            .WithSummary("A published month, for the public")
            .WithDescription("The published month's disclosure as JSON. It never changes: a strong ETag (the "
                + "content's SHA-256) and Cache-Control public, max-age=3600; If-None-Match with the "
                + "ETag answers 304. Names are masked; no ID or card numbers, households or diagnoses.")
            .Produces<Domain.Disclosures.DisclosureContent>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound)
            .WithName("GetPublishedDisclosure");
        group.MapGet($"/{DisclosuresApi.MonthFile}", Serve)
            .WithSummary("Download a published month (json, xlsx or csv)")
            .WithDescription("The published month as a file: format json, xlsx (sheets 汇总, 住院补偿明细, 门诊按村汇总, 门诊按机构汇总,"
                + " 更正, 基金收支) or csv (the inpatient list, UTF-8 with BOM), with a strong ETag (304 on "
                + "If-None-Match).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound,
                DisclosureErrors.UnknownFormat)
            .WithName("DownloadPublishedDisclosure");
    }

    private static async Task<Ok<List<PublishedMonthView>>> List(HttpContext http, CooperativeDbContext db, CancellationToken ct)
    {
        var months = await db.PublishedDisclosures.AsNoTracking().OrderByDescending(p => p.Month)
            .Select(p => new PublishedMonthView(p.Month, p.PublishedUtc, p.InpatientRows, p.FundPaid)).ToListAsync(ct);
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(months);
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult>> Serve(string month,
        string format, HttpContext http, CooperativeDbContext db, IMemoryCache cache, CancellationToken ct)
    {
        var v = DisclosuresApi.ParseMonth(month, out var m);
        if (!v.IsValid) return v.ToProblem();
        if (!DisclosureFormats.IsKnown(format)) return DisclosureFormats.Unknown(format);
        var key = $"disclosure:{m}:{format}";
        if (!cache.TryGetValue(key, out Rendered? rendered) || rendered is null)
        {
            var published = await db.PublishedDisclosures.AsNoTracking().Where(p => p.Month == m.ToString())
                .Select(p => new { p.ContentJson, p.ContentHash }).SingleOrDefaultAsync(ct);
            if (published is null) return Problems.From(DisclosureWorkflow.NotFound(m)); // not cached: it may be published any moment
            rendered = new Rendered(DisclosureFormats.Render(published.ContentJson, format),
                new EntityTagHeaderValue($"\"{published.ContentHash[..32]}-{format}\""));
            cache.Set(key, rendered, new MemoryCacheEntryOptions { SlidingExpiration = KeepRendered });
        }

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = rendered.ETag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) };
        var asked = http.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(rendered.ETag, useStrongComparison: true)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return format == "json"
            ? TypedResults.File(rendered.File.Bytes, rendered.File.ContentType)
            : TypedResults.File(rendered.File.Bytes, rendered.File.ContentType, DisclosureFiles.FileName(m.ToString(), format));
    }

    private sealed record Rendered(DisclosureFile File, EntityTagHeaderValue ETag);
}
