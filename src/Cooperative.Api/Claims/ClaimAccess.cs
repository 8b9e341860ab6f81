using OpenIddict.Abstractions;
using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Claims;

/// <summary>A facility sees only its own claims; staff see all. Someone else's claim is "not found", not "forbidden".</summary>
internal static class ClaimAccess
{
    public static bool IsStaff(this ClaimsPrincipal user) => Roles.IsStaffRole(user.RoleOf());

    public static IQueryable<Claim> Visible(this IQueryable<Claim> claims, ClaimsPrincipal user)
    {
        if (user.IsStaff()) return claims;
        var facility = user.FindFirstValue(CooperativeClaims.FacilityCode) ?? "\0";
        return claims.Where(c => c.FacilityCode == facility && c.Channel == ClaimChannel.Facility);
    }

    public static Task<Claim?> FindVisibleAsync(this CooperativeDbContext db, string number, ClaimsPrincipal user, CancellationToken ct,
        bool tracked = false)
    {
        var query = (tracked ? db.Claims : db.Claims.AsNoTracking()).Include(c => c.Lines).Include(c => c.History).Visible(user);
        return query.SingleOrDefaultAsync(c => c.Number == number, ct);
    }
}
