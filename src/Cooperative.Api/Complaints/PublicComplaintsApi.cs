using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Complaints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Complaints;

/// <summary>Filing and looking up, without a token: the public page's complaint form and status lookup.</summary>
internal static class PublicComplaintsApi
{
    public const string NotFoundCode = "complaint_not_found";
    // Hashed for an unknown number too, so that both refusals take the same time.
    private static readonly string NoSuchHash = LookupCode.Hash("--------");

    public static void MapPublicComplaints(this IEndpointRouteBuilder routes, ComplaintsSetup.BodySizeLimit sizeLimit)
    {
        var group = routes.MapGroup("/api/public/complaints").WithTags("Public").AllowAnonymous();
        group.MapPost("/", File).RequireRateLimiting(ComplaintsSetup.FilingLimit).WithMetadata(sizeLimit)
            .WithSummary("File a complaint or suggestion (投诉与建议)")
            .WithDescription("Anyone may file, without a token: 201 with the number (TS-2026-000001), the promised "
                + "answer date and a lookup code shown this once (only its hash is stored). Limited per "
                + "client address (429 with Retry-After) and to a body of 16 KB by default (413). Not "
                + "idempotent: each accepted filing is a new one.")
            .WithName("FileComplaint");
        group.MapGet("/{number}", Lookup).RequireRateLimiting(ComplaintsSetup.LookupLimit)
            .WithSummary("Look up a complaint's status, for the filer")
            .WithDescription("The status and answer of a filing, given its number and the lookup code (code). An "
                + "unknown number and a wrong code get the same 404. Limited per client address (429).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, NotFoundCode)
            .WithName("LookUpComplaint");
    }

    private static async Task<Results<Created<FiledComplaintResponse>, ValidationProblem>> File(FileComplaintRequest request,
        CooperativeDbContext db, SequenceAllocator numbers, TimeProvider clock, IOptions<ComplaintOptions> options,
        ICurrentActor actor, CancellationToken ct)
    {
        var validation = ComplaintValidation.Validate(request, out var category);
        if (!validation.IsValid) return validation.ToProblem();

        var today = clock.Today();
        var days = options.Value.DeadlineDays;
        var code = LookupCode.New();
        var complaint = new Complaint
        {
            Number = $"TS-{today.Year}-{await numbers.TakeAsync(db, "complaint", today.Year, ct):000000}",
            Category = category,
            Subject = ComplaintValidation.Clean(request.Subject),
            Content = ComplaintValidation.Clean(request.Content)!,
            ContactName = ComplaintValidation.Clean(request.ContactName),
            ContactPhone = ComplaintValidation.Clean(request.ContactPhone),
            LookupCodeHash = LookupCode.Hash(code),
            FiledUtc = clock.GetUtcNow().UtcDateTime,
            FiledOn = today,
            Deadline = ComplaintDeadlines.Deadline(today, days),
        };
        db.Complaints.Add(complaint);
        db.ComplaintStatusChanges.Add(complaint.Filed(actor.Current.Name));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/public/complaints/{complaint.Number}", new FiledComplaintResponse(complaint.Number, code,
            category, ComplaintNames.Chinese(category), ComplaintNames.Kind(category), today,
            complaint.Deadline, days));
    }

    /// <summary>An unknown number and a wrong code get the same answer: a number alone reveals nothing.</summary>
    private static async Task<Results<Ok<PublicComplaintResponse>, ValidationProblem, ProblemHttpResult>> Lookup(string number,
        string? code, CooperativeDbContext db, TimeProvider clock, IOptions<ComplaintOptions> options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return new Validation().Required(code, "code", "查询码").ToProblem();
        var normalized = number.Trim().ToUpperInvariant();
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Number == normalized, ct);
        if (!LookupCode.Matches(code, complaint?.LookupCodeHash ?? NoSuchHash) || complaint is null)
            return Problems.NotFound(NotFoundCode, "未找到该编号的投诉或建议，或查询码不正确");
        var flag = ComplaintDeadlines.Flag(complaint.Status, complaint.Deadline, clock.Today(), options.Value.YellowDays);
        return TypedResults.Ok(complaint.ToPublic(flag));
    }
}
