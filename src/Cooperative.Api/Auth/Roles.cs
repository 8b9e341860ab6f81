using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Cooperative.Api.Auth;

/// <summary>The roles a token can carry. The public needs no token at all.</summary>
public static class Roles
{
    /// <summary>Administrator at the scheme office (管理员).</summary>
    public const string Admin = "admin";

    /// <summary>Window staff at the one-stop service window (经办窗口).</summary>
    public const string Window = "window";

    /// <summary>Claim reviewer (审核员).</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Auditor from the audit office or finance (审计): reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>A designated facility's system, by client credentials (定点医疗机构).</summary>
    public const string Facility = "facility";

    public static readonly IReadOnlyList<string> Staff = [Admin, Window, Reviewer, Auditor];

    public static readonly IReadOnlyList<string> All = [.. Staff, Facility];

    public static bool IsStaffRole(string? role) => role is not null && Staff.Contains(role);

    /// <summary>
    /// The token's role among the API's: an external authority may list others too, and first (Keycloak's
    /// <c>default-roles-…</c>, <c>offline_access</c>).
    /// </summary>
    public static string? RoleOf(this ClaimsPrincipal user) =>
        user.FindAll(OpenIddictConstants.Claims.Role).Select(c => c.Value).FirstOrDefault(All.Contains);
}

/// <summary>Claim types the API puts in and reads from access tokens.</summary>
public static class CooperativeClaims
{
    public const string FacilityCode = "facility_code";
    public const string Audience = "cooperative-api";
}
