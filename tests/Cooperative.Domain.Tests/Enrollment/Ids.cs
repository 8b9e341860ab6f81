using Cooperative.Domain.Identity;

namespace Cooperative.Domain.Tests.Enrollment;

/// <summary>Valid resident ID numbers of the county (region 330199) for tests.</summary>
internal static class Ids
{
    public static string Of(string birth, int sequence)
    {
        var first17 = $"330199{birth}{sequence:000}";
        return first17 + ResidentIdNumber.ComputeCheckDigit(first17);
    }

    /// <summary>The same number with a wrong check digit.</summary>
    public static string WithBadChecksum(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}
