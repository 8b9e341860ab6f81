using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Complaints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Complaints;

/// <summary>Handling a filing (办理): assign it to a staff member, answer it, close it. Not for auditors.</summary>
internal static class ComplaintHandlingApi
{
    public const string NotAllowedCode = "complaint_transition_not_allowed";

    public static void MapComplaintHandling(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/assign", Assign).RequireAuthorization(Policies.ComplaintHandlers)
            .WithSummary("Assign a complaint (分派)")
            .WithDescription("Assigns the filing to an active administrator, window clerk or reviewer, by user "
                + "name. Refused in a status that does not allow it (closed).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PublicComplaintsApi.NotFoundCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, NotAllowedCode)
            .WithName("AssignComplaint");
        group.MapPost("/{number}/answer", Answer).RequireAuthorization(Policies.ComplaintHandlers)
            .WithSummary("Answer a complaint (答复)")
            .WithDescription("Records the answer the filer will read with their lookup code. Refused in a status "
                + "that does not allow it.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PublicComplaintsApi.NotFoundCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, NotAllowedCode)
            .WithName("AnswerComplaint");
        group.MapPost("/{number}/close", Close).RequireAuthorization(Policies.ComplaintHandlers)
            .WithSummary("Close a complaint (办结)")
            .WithDescription("Closes an answered filing, with a note. Refused in a status that does not allow it.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PublicComplaintsApi.NotFoundCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, NotAllowedCode)
            .WithName("CloseComplaint");
    }

    /// <summary>The assignee is an active administrator, window clerk or reviewer, by user name.</summary>
    private static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> Assign(string number,
        AssignComplaintRequest request, Handling handling, CancellationToken ct)
    {
        var v = new Validation().Required(request.Assignee, "assignee", "处理人", 64);
        if (!v.IsValid) return v.ToProblem();
        var name = request.Assignee!.Trim();
        var user = await handling.Db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || !user.IsActive || user.Role == Roles.Auditor)
            return v.Check(false, "assignee", "处理人必须是在用的管理员、窗口经办员或审核员账号").ToProblem();
        return await handling.ActAsync(number, ComplaintAction.Assign, (c, now, by) => c.Assign(user.UserName, now, by), ct);
    }

    private static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> Answer(string number,
        AnswerComplaintRequest request, Handling handling, TimeProvider clock, CancellationToken ct)
    {
        var v = ComplaintValidation.Text(new Validation(), request.Answer, "answer", "答复意见", ComplaintLimits.Answer, required: true);
        if (!v.IsValid) return v.ToProblem();
        var answer = ComplaintValidation.Clean(request.Answer)!;
        return await handling.ActAsync(number, ComplaintAction.Answer, (c, now, by) => c.AnswerWith(answer, clock.Today(), now, by), ct);
    }

    private static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> Close(string number,
        CloseComplaintRequest request, Handling handling, CancellationToken ct)
    {
        var v = ComplaintValidation.Text(new Validation(), request.Note, "note", "办结说明", ComplaintLimits.Note, required: false);
        if (!v.IsValid) return v.ToProblem();
        var note = ComplaintValidation.Clean(request.Note);
        return await handling.ActAsync(number, ComplaintAction.Close, (c, now, by) => c.Close(note, now, by), ct);
    }

    /// <summary>What every handling step needs, bound from services in one parameter.</summary>
    internal sealed class Handling(CooperativeDbContext db, TimeProvider clock, ICurrentActor actor, IOptions<ComplaintOptions> options)
    {
        public CooperativeDbContext Db => db;

        public async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(string number,
            ComplaintAction action, Func<Complaint, DateTime, string, ComplaintStatusChange?> apply, CancellationToken ct)
        {
            var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Number == number, ct);
            if (complaint is null) return ComplaintsApi.NotFound();
            var change = apply(complaint, clock.GetUtcNow().UtcDateTime, actor.Current.Name);
            if (change is null)
                return Problems.Conflict(NotAllowedCode, "当前状态不允许此操作", ComplaintTransitions.Problem(complaint.Status, action));
            db.ComplaintStatusChanges.Add(change);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await ComplaintsApi.ToResponseAsync(complaint, db, clock, options.Value, ct));
        }
    }
}
