namespace Cooperative.Domain.Identity;

/// <summary>
/// Result of checking a resident ID number (居民身份证号码). When <see cref="IsValid"/> is true the error
/// fields are null and the decoded fields are set; otherwise the reverse.
/// </summary>
/// <param name="IsValid">Whether the number passed every check.</param>
/// <param name="ErrorCode">Stable machine code, one of the <c>ResidentIdNumber.*Error</c> constants.</param>
/// <param name="Message">Message for the user, in Simplified Chinese.</param>
/// <param name="Normalized">The number trimmed, with a lowercase check digit x made uppercase.</param>
/// <param name="BirthDate">出生日期 (digits 7–14).</param>
/// <param name="Gender">性别 (17th digit: odd male, even female).</param>
/// <param name="RegionCode">行政区划代码 (first 6 digits).</param>
public sealed record ResidentIdCheck(
    bool IsValid,
    string? ErrorCode,
    string? Message,
    string? Normalized,
    DateOnly? BirthDate,
    Gender? Gender,
    string? RegionCode)
{
    internal static ResidentIdCheck Fail(string code, string message) =>
        new(false, code, message, null, null, null, null);

    internal static ResidentIdCheck Ok(string normalized, DateOnly birthDate, Gender gender) =>
        new(true, null, null, normalized, birthDate, gender, normalized[..6]);
}
