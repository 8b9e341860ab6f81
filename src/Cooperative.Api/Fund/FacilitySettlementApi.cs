using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Fund;

/// <summary>Monthly settlement with facilities (administrators) and each facility's statement (readers and the facility itself).</summary>
public static class FacilitySettlementApi
{
    public static RouteGroupBuilder MapFacilitySettlementApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ledger/facility-settlements").WithTags("Ledger");
        group.MapPost("/{period}", Settle).RequireAuthorization(Policies.Admin)
            .WithSummary("Settle the facilities' month (机构月度结算)")
            .WithDescription("Pays every facility what its direct settlements of the month (yyyy-MM) left owing, "
                + "posting one payment per facility; a month already settled pays nothing more. Refused "
                + "for a month not ended.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "period_invalid")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "period_not_ended", "claim_wrong_state",
                "insufficient_funds", "ledger_period_closed")
            .WithName("SettleFacilities");
        group.MapGet("/{period}/{facilityCode}", Statement).RequireAuthorization(Policies.Authenticated)
            .WithSummary("A facility's monthly settlement statement (结算单)")
            .WithDescription("What a facility's claims of the month came to, what was paid and what is owed. Staff "
                + "read any; a facility's system reads only its own (others are not found).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "facility_statement_not_found", "period_invalid")
            .WithName("GetFacilityStatement");
        return group;
    }

    private static async Task<Results<Ok<List<FacilityPayment>>, ProblemHttpResult>> Settle(string period, FacilitySettlement settlement,
        CancellationToken ct)
    {
        if (LedgerPeriod.Parse(period) is not { } key) return Problems.NotFound("period_invalid", "会计期间格式应为 yyyy-MM");
        var (payments, code, message) = await settlement.SettleAsync(key, ct);
        return payments is null ? Problems.Conflict(code!, message!) : TypedResults.Ok(payments);
    }

    private static async Task<Results<Ok<FacilityStatement>, ProblemHttpResult>> Statement(string period, string facilityCode,
        ClaimsPrincipal user, FacilitySettlement settlement, CancellationToken ct)
    {
        if (!MayReadStatement(user, facilityCode)) return Problems.NotFound("facility_statement_not_found", "结算单不存在");
        if (LedgerPeriod.Parse(period) is not { } key) return Problems.NotFound("period_invalid", "会计期间格式应为 yyyy-MM");
        return TypedResults.Ok(await settlement.StatementAsync(facilityCode, key, ct));
    }

    /// <summary>A facility's account with the fund: administrators, auditors and reviewers, and the facility itself.</summary>
    internal static bool MayReadStatement(ClaimsPrincipal user, string facilityCode)
    {
        var role = user.RoleOf();
        return role is Roles.Admin or Roles.Auditor or Roles.Reviewer
               || (role == Roles.Facility && user.FindFirstValue(CooperativeClaims.FacilityCode) == facilityCode);
    }
}
