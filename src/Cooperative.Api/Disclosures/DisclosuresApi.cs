using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Disclosures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Disclosures;

public sealed record ReviewDisclosureRequest(string? Note);

public sealed record DisclosureView(string Month, DisclosureStatus Status, string ContentHash, int InpatientRows, int OutpatientVisits,
    decimal FundPaid, string PreparedBy, DateTime PreparedUtc, string? ReviewedBy, DateTime? ReviewedUtc, string? ReviewNote,
    string? PublishedBy, DateTime? PublishedUtc, DisclosureContent? Content = null)
{
    public static DisclosureView Of(MonthlyDisclosure d, bool withContent) => new(d.Month, d.Status, d.ContentHash, d.InpatientRows,
        d.OutpatientVisits, d.FundPaid, d.PreparedBy, d.PreparedUtc, d.ReviewedBy, d.ReviewedUtc, d.ReviewNote, d.PublishedBy, d.PublishedUtc,
        withContent ? DisclosureDocument.Read(d.ContentJson) : null);
}

/// <summary>
/// The county's side of the monthly disclosure: administrators prepare, review and publish a month; all staff
/// (and auditors) read drafts and published months, as JSON, .xlsx or .csv, before the public does.
/// </summary>
public static class DisclosuresApi
{
    internal const string Month = "{month:length(7)}";
    internal const string MonthFile = "{month:length(7)}.{format}";

    public static RouteGroupBuilder MapDisclosures(this IEndpointRouteBuilder routes)
    {
        routes.MapPublicDisclosures();
        var group = routes.MapGroup("/api/disclosures").WithTags("Disclosure").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List)
            .WithSummary("List the months' disclosures (每月补偿公示)")
            .WithDescription("Every month prepared so far, draft or published, with its status, counts and content "
                + "hash (without the content).")
            .WithName("ListDisclosures");
        group.MapGet($"/{Month}", Get)
            .WithSummary("Get a month's disclosure")
            .WithDescription("The month's disclosure (month yyyy-MM), draft or published, with its content: the "
                + "summary by benefit kind, the inpatient rows, outpatient totals by village and "
                + "facility, corrections and the fund's figures.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound)
            .WithName("GetDisclosure");
        group.MapGet($"/{MonthFile}", File)
            .WithSummary("Download a month's disclosure (json, xlsx or csv)")
            .WithDescription("The month's disclosure, draft or published, as a file: format json, xlsx (the public "
                + "workbook's sheets) or csv (the inpatient list, UTF-8 with BOM).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound,
                DisclosureErrors.UnknownFormat)
            .WithName("DownloadDisclosure");
        group.MapPost($"/{Month}/prepare", Prepare).RequireAuthorization(Policies.Admin).ReleasesMemoryAfterwards()
            .WithSummary("Prepare a month's disclosure (生成公示)")
            .WithDescription("Builds the draft of an ended month from the claims settled in it (less those reversed"
                + " within it) and the corrections of earlier months. Preparing again replaces the draft"
                + " and undoes its review. Refused for a month not yet ended or already published.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, DisclosureErrors.AlreadyPublished)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, DisclosureErrors.MonthNotEnded)
            .WithName("PrepareDisclosure");
        group.MapPost($"/{Month}/review", Review).RequireAuthorization(Policies.Admin)
            .WithSummary("Review a month's draft (审核公示)")
            .WithDescription("Records the review of the month's draft, with a note. Refused for a month not "
                + "prepared or already published.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, DisclosureErrors.AlreadyPublished)
            .WithName("ReviewDisclosure");
        group.MapPost($"/{Month}/publish", Publish).RequireAuthorization(Policies.Admin)
            .WithSummary("Publish a month's disclosure (发布公示)")
            .WithDescription("Publishes a reviewed draft, once: the month is copied into the published disclosures,"
                + " which never change, and the public can read it. Refused for a draft not reviewed or "
                + "a month already published.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, DisclosureErrors.NotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, DisclosureErrors.NotReviewed,
                DisclosureErrors.AlreadyPublished)
            .WithName("PublishDisclosure");
        return group;
    }

    internal static Validation ParseMonth(string month, out DisclosureMonth parsed) =>
        new Validation().Check(DisclosureMonth.TryParse(month, out parsed), "month", "月份格式应为 yyyy-MM，例如 2026-03");

    private static async Task<Ok<List<DisclosureView>>> List(CooperativeDbContext db, CancellationToken ct)
    {
        var rows = await db.MonthlyDisclosures.AsNoTracking().OrderByDescending(d => d.Month).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => DisclosureView.Of(d, withContent: false)).ToList());
    }

    private static async Task<Results<Ok<DisclosureView>, ValidationProblem, ProblemHttpResult>> Get(string month, CooperativeDbContext db,
        CancellationToken ct)
    {
        var v = ParseMonth(month, out var m);
        if (!v.IsValid) return v.ToProblem();
        var disclosure = await db.MonthlyDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Month == m.ToString(), ct);
        return disclosure is null ? Problems.From(DisclosureWorkflow.NotFound(m)) : TypedResults.Ok(DisclosureView.Of(disclosure, withContent: true));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> File(string month, string format,
        CooperativeDbContext db, CancellationToken ct)
    {
        var v = ParseMonth(month, out var m);
        if (!v.IsValid) return v.ToProblem();
        if (!DisclosureFormats.IsKnown(format)) return DisclosureFormats.Unknown(format);
        var disclosure = await db.MonthlyDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Month == m.ToString(), ct);
        if (disclosure is null) return Problems.From(DisclosureWorkflow.NotFound(m));
        var file = DisclosureFormats.Render(disclosure.ContentJson, format);
        return TypedResults.File(file.Bytes, file.ContentType, DisclosureFiles.FileName(m.ToString(), format));
    }

    private static async Task<Results<Ok<DisclosureView>, ValidationProblem, ProblemHttpResult>> Prepare(string month,
        DisclosureWorkflow workflow, CancellationToken ct)
    {
        var v = ParseMonth(month, out var m);
        if (!v.IsValid) return v.ToProblem();
        var (disclosure, refusal) = await workflow.PrepareAsync(m, ct);
        return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(DisclosureView.Of(disclosure!, withContent: true));
    }

    private static async Task<Results<Ok<DisclosureView>, ValidationProblem, ProblemHttpResult>> Review(string month,
        ReviewDisclosureRequest? request, DisclosureWorkflow workflow, CancellationToken ct)
    {
        var v = ParseMonth(month, out var m).Optional(request?.Note, "note", "审核意见", 500, TextKind.MultiLine);
        if (!v.IsValid) return v.ToProblem();
        var (disclosure, refusal) = await workflow.ReviewAsync(m, request?.Note?.Trim(), ct);
        return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(DisclosureView.Of(disclosure!, withContent: false));
    }

    private static async Task<Results<Ok<DisclosureView>, ValidationProblem, ProblemHttpResult>> Publish(string month,
        DisclosureWorkflow workflow, CancellationToken ct)
    {
        var v = ParseMonth(month, out var m);
        if (!v.IsValid) return v.ToProblem();
        var (disclosure, refusal) = await workflow.PublishAsync(m, ct);
        return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(DisclosureView.Of(disclosure!, withContent: false));
    }
}
