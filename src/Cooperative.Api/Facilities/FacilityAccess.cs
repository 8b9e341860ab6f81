using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Facilities;

/// <summary>
/// Staff read every facility; a facility's own system reads only itself. Another facility's data is
/// answered as not found, so that a token does not even learn which codes exist.
/// </summary>
internal static class FacilityAccess
{
    public static bool MayRead(this ClaimsPrincipal user, string facilityCode) => user.IsInRole(Roles.Facility)
        ? string.Equals(user.FindFirstValue(CooperativeClaims.FacilityCode), facilityCode, StringComparison.Ordinal)
        : Roles.Staff.Any(user.IsInRole);

    public static ProblemHttpResult NotFound() => Problems.NotFound(FacilityEligibility.NotFound, "医疗机构不存在");

    public static ProblemHttpResult NotDesignated(Facility facility) => Problems.Conflict(FacilityEligibility.NotDesignated,
        "该医疗机构不是定点医疗机构", $"{facility.Name}当前状态为“{Domain.Facilities.FacilityNames.Chinese(facility.Status)}”");
}
