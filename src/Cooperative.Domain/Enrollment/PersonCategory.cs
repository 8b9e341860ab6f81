namespace Cooperative.Domain.Enrollment;

/// <summary>Special category of an insured person (人员类别), which decides who pays the contribution.</summary>
public enum PersonCategory
{
    /// <summary>一般人员: no special category.</summary>
    None,

    /// <summary>低保对象: household on the minimum living allowance.</summary>
    Dibao,

    /// <summary>五保供养对象: person under the "five guarantees" support.</summary>
    Wubao,

    /// <summary>优抚对象: entitled groups (veterans and martyrs' families); pays like everyone in this county.</summary>
    Youfu,

    /// <summary>特困供养人员: persons in extreme poverty under state support.</summary>
    Tekun,
}

/// <summary>What the scheme knows about a category: its Chinese name and whether civil affairs pays for it.</summary>
/// <param name="ContributionPaidByCivilAffairs">民政代缴: the civil-affairs budget pays the individual contribution.</param>
public sealed record CategoryInfo(PersonCategory Category, string ChineseName, bool ContributionPaidByCivilAffairs);

/// <summary>
/// The categories as data: which are exempt from paying themselves is a row of this table, not a condition
/// scattered through the code.
/// </summary>
public static class PersonCategories
{
    public static IReadOnlyList<CategoryInfo> All { get; } =
    [
        new(PersonCategory.None, "一般", false),
        new(PersonCategory.Dibao, "低保", true),
        new(PersonCategory.Wubao, "五保", true),
        new(PersonCategory.Youfu, "优抚", false),
        new(PersonCategory.Tekun, "特困", true),
    ];

    private static readonly Dictionary<string, PersonCategory> ByText = BuildLookup();

    public static CategoryInfo Of(PersonCategory category) => All.Single(c => c.Category == category);

    /// <summary>Who pays the individual contribution of a person of this category.</summary>
    public static ContributionPayer PayerFor(PersonCategory category) =>
        Of(category).ContributionPaidByCivilAffairs ? ContributionPayer.CivilAffairs : ContributionPayer.Individual;

    /// <summary>
    /// Reads a category as staff write it: the Chinese name (低保, 五保...), the English name, or nothing (一般).
    /// </summary>
    public static bool TryParse(string? text, out PersonCategory category)
    {
        var key = text?.Trim() ?? "";
        if (key.Length == 0)
        {
            category = PersonCategory.None;
            return true;
        }
        return ByText.TryGetValue(key, out category);
    }

    private static Dictionary<string, PersonCategory> BuildLookup()
    {
        var lookup = new Dictionary<string, PersonCategory>(StringComparer.OrdinalIgnoreCase)
        {
            ["无"] = PersonCategory.None, ["一般人员"] = PersonCategory.None, ["低保户"] = PersonCategory.Dibao,
            ["低保对象"] = PersonCategory.Dibao, ["五保户"] = PersonCategory.Wubao, ["五保对象"] = PersonCategory.Wubao,
            ["优抚对象"] = PersonCategory.Youfu, ["特困供养"] = PersonCategory.Tekun, ["特困供养人员"] = PersonCategory.Tekun,
            ["特困人员"] = PersonCategory.Tekun,
        };
        foreach (var info in All)
        {
            lookup[info.ChineseName] = info.Category;
            lookup[info.Category.ToString()] = info.Category;
        }
        return lookup;
    }
}

/// <summary>Who paid a person's contribution for a fund year.</summary>
public enum ContributionPayer
{
    /// <summary>个人缴纳: paid in cash at the window.</summary>
    Individual,

    /// <summary>民政代缴: paid by the civil-affairs budget.</summary>
    CivilAffairs,
}
