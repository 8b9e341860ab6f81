using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

public sealed record DutyResponse(int Number, string Title, string Description);

public sealed record UpdateDutyRequest(string? Title, string? Description);

/// <summary>
/// The duties written into the next responsibility letters (责任书职责). Editing one, or adding one, changes
/// the letters signed from then on; letters already signed keep their own copy.
/// </summary>
internal static class DutiesApi
{
    public const int MaxNumber = 99;

    public static void MapDuties(this RouteGroupBuilder group)
    {
        group.MapGet("/duties", List).RequireAuthorization(Policies.StaffOrFacility)
            .WithSummary("The duties of new letters (责任书职责)")
            .WithDescription("The duties a responsibility letter signed now would list, by number.")
            .WithName("ListDuties");
        group.MapPut("/duties/{number:int}", Put).RequireAuthorization(Policies.Admin)
            .WithSummary("Edit or add a duty")
            .WithDescription("Replaces duty number (or adds it: 201): letters signed from then on carry it; letters"
                + " already signed keep their own copy.")
            .WithName("PutDuty");
    }

    /// <summary>The duties as a new letter would list them.</summary>
    public static async Task<List<ContractDuty>> CurrentAsync(CooperativeDbContext db, CancellationToken ct) =>
        (await db.Duties.AsNoTracking().OrderBy(d => d.Number).ToListAsync(ct))
        .Select(d => new ContractDuty(d.Number, d.Title, d.Description)).ToList();

    private static async Task<Ok<List<DutyResponse>>> List(CooperativeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await CurrentAsync(db, ct)).Select(d => new DutyResponse(d.Number, d.Title, d.Description)).ToList());

    private static async Task<Results<Ok<DutyResponse>, Created<DutyResponse>, ValidationProblem>> Put(int number,
        UpdateDutyRequest request, CooperativeDbContext db, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(number is >= 1 and <= MaxNumber, "number", $"职责序号必须在1至{MaxNumber}之间")
            .Required(request.Title, "title", "职责名称", 64)
            .Required(request.Description, "description", "职责内容", 500, TextKind.MultiLine);
        if (!validation.IsValid) return validation.ToProblem();
        var duty = await db.Duties.SingleOrDefaultAsync(d => d.Number == number, ct);
        var created = duty is null;
        if (duty is null) db.Duties.Add(duty = new Duty { Number = number, Title = "", Description = "" });
        duty.Title = request.Title!.Trim();
        duty.Description = request.Description!.Trim();
        await db.SaveChangesAsync(ct);
        var response = new DutyResponse(duty.Number, duty.Title, duty.Description);
        return created ? TypedResults.Created($"/api/facilities/duties/{number}", response) : TypedResults.Ok(response);
    }
}
