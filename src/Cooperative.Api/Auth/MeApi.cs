using OpenIddict.Abstractions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

public sealed record MeResponse(string Subject, string? Name, string? Role, string? FacilityCode);

public static class MeApi
{
    /// <summary>Who the token says the caller is; any signed-in caller may ask.</summary>
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                user.FindFirstValue(OpenIddictConstants.Claims.Subject) ?? "",
                user.FindFirstValue(OpenIddictConstants.Claims.Name),
                user.RoleOf(),
                user.FindFirstValue(CooperativeClaims.FacilityCode))))
            .WithTags("Auth")
            .RequireAuthorization(Policies.Authenticated)
            .WithSummary("Who am I")
            .WithDescription("The caller as the token says: subject, name, role and, for a facility's system, its "
                + "facility code.")
            .WithName("GetMe");
        return routes;
    }
}
