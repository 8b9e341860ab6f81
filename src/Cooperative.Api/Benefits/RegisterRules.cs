using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Benefits;

/// <summary>
/// The rules of the benefit registers, shared by the window's endpoints and the synthetic county: periods never dated
/// back and of bounded length, diseases from the year's list, no overlapping certification of one disease, and the
/// numbering of certifications (MB-) and filings (ZZ-).
/// </summary>
internal static class RegisterRules
{
    public const int MaxCertificationDays = 3 * 366;
    public const int MaxReferralDays = 366;

    /// <summary>What is wrong with a period (field and Chinese message), or null: from today at the earliest, to not before from, not too long.</summary>
    public static (string Field, string Message)? PeriodProblem(DateOnly from, DateOnly to, DateOnly today, int maxDays, string what) =>
        from < today ? ("validFrom", $"{what}不能倒签：有效期最早从今天（{today:yyyy-MM-dd}）开始")
        : to < from ? ("validTo", "有效期截止日期不能早于起始日期")
        : to.DayNumber - from.DayNumber > maxDays ? ("validTo", $"{what}有效期不能超过 {maxDays} 天")
        : null;

    /// <summary>The group and entry of a disease on the list of a year's rules, by its exact code.</summary>
    public static (ChronicDiseaseGroup Group, ChronicDisease Disease)? Listed(PolicyRules? rules, string code) =>
        (rules?.ChronicGroups ?? []).SelectMany(g => g.Diseases.Select(d => (Group: g, Disease: d)))
            .Where(x => x.Disease.Code == code).Select(x => ((ChronicDiseaseGroup, ChronicDisease)?)x).FirstOrDefault();

    /// <summary>A certification of the same disease whose days meet the period's.</summary>
    public static DiseaseCertification? Overlapping(IEnumerable<DiseaseCertification> sameDisease, DateOnly from, DateOnly to) =>
        sameDisease.FirstOrDefault(c => c.ValidFrom <= to && from <= c.LastDay);

    /// <summary>A destination as a bill outside the county names its facility ("@" and the name's normal form).</summary>
    public static string DestinationKey(string destination) => "@" + BillText.NameKey(destination);

    public static string CertificationNumber(int year, long n) => $"MB-{year}-{n:000000}";

    public static string ReferralNumber(int year, long n) => $"ZZ-{year}-{n:000000}";
}
