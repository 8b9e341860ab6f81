using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// How a person is shown to a caller: in full to staff, masked (姓名、身份证号脱敏) to a facility's system. The one rule of
/// the coverage check, the claims and the FHIR resources.
/// </summary>
internal static class PersonMasking
{
    /// <summary>Whether this caller sees persons masked: a facility's system does.</summary>
    public static bool SeesPersonsMasked(this ClaimsPrincipal user) => user.IsInRole(Roles.Facility);

    public static string Name(string name, bool masked) => masked ? NameMasking.Mask(name) : name;

    public static string IdNumber(string idNumber, bool masked) => masked ? ResidentIdNumber.Mask(idNumber) : idNumber;
}
