using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Audit;

public sealed record AuditRecordResponse(long Id, DateTime AtUtc, string Actor, string? ActorRole, string EntityType,
    string EntityId, string Action, string? Before, string? After, string? CorrelationId, long? Seq, string? Hash);

/// <summary>The audit trail, readable by administrators and auditors.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReaders);
        group.MapGet("/records", List)
            .WithSummary("List audit records (审计日志)")
            .WithDescription("Pages of audit records (who changed what, when, from which correlation id), filtered "
                + "by entity type, entity id and actor.")
            .WithName("ListAuditRecords");
        group.MapGet("/verify", async (AuditChain chain, CancellationToken ct) => TypedResults.Ok(await chain.VerifyAsync(ct)))
            .WithSummary("Verify the audit chain")
            .WithDescription("Recomputes the keyed hash chain of the audit records and compares it with the "
                + "checkpoints kept outside the database, naming any break.")
            .WithName("VerifyAuditChain");
        group.MapPost("/seal", async (AuditChain chain, CancellationToken ct) => TypedResults.Ok(new { @sealed = await chain.SealPendingAsync(ct) }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Seal pending audit records")
            .WithDescription("Chains the records not yet sealed (otherwise done in the background) and answers how "
                + "many were sealed.")
            .WithName("SealAuditRecords");
        return group;
    }

    private static async Task<Results<Ok<Page<AuditRecordResponse>>, ValidationProblem>> List(CooperativeDbContext db, string? entityType,
        string? entityId, string? actor, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Refusal(page, pageSize) is { } refusal) return refusal;
        var query = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(r => r.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(r => r.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(r => r.Actor == actor);
        var result = await query.OrderByDescending(r => r.Id)
            .Select(r => new AuditRecordResponse(r.Id, r.AtUtc, r.Actor, r.ActorRole, r.EntityType, r.EntityId, r.Action,
                r.Before, r.After, r.CorrelationId, r.Seq, r.Hash))
            .ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(result);
    }
}
