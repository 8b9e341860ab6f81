namespace Cooperative.Domain.Enrollment;

/// <summary>Special category of an insured person (人员类别), which decides who pays the contribution.</summary>
public enum PersonCategory
{
    /// <summary>一般人员: no special category.</summary>
    [Label("一般", "无", "一般人员")]
    None,

    /// <summary>低保对象: household on the minimum living allowance.</summary>
    [Label("低保", "低保户", "低保对象")]
    Dibao,

    /// <summary>五保供养对象: person under the "five guarantees" support.</summary>
    [Label("五保", "五保户", "五保对象")]
    Wubao,

    /// <summary>优抚对象: entitled groups (veterans and martyrs' families); pays like everyone in this county.</summary>
    [Label("优抚", "优抚对象")]
    Youfu,

    /// <summary>特困供养人员: persons in extreme poverty under state support.</summary>
    [Label("特困", "特困供养", "特困供养人员", "特困人员")]
    Tekun,
}

/// <summary>What the scheme knows about a category: its Chinese name and whether civil affairs pays for it.</summary>
/// <param name="ContributionPaidByCivilAffairs">民政代缴: the civil-affairs budget pays the individual contribution.</param>
public sealed record CategoryInfo(PersonCategory Category, bool ContributionPaidByCivilAffairs)
{
    public string ChineseName => Vocabulary.Label(Category);
}

/// <summary>
/// The categories as data: which are exempt from paying themselves is a row of this table, not a condition
/// scattered through the code.
/// </summary>
public static class PersonCategories
{
    public static IReadOnlyList<CategoryInfo> All { get; } =
    [
        new(PersonCategory.None, false),
        new(PersonCategory.Dibao, true),
        new(PersonCategory.Wubao, true),
        new(PersonCategory.Youfu, false),
        new(PersonCategory.Tekun, true),
    ];

    public static CategoryInfo Of(PersonCategory category) => All.Single(c => c.Category == category);

    /// <summary>Who pays the individual contribution of a person of this category.</summary>
    public static ContributionPayer PayerFor(PersonCategory category) =>
        Of(category).ContributionPaidByCivilAffairs ? ContributionPayer.CivilAffairs : ContributionPayer.Individual;

    /// <summary>Reads a category as staff write it: the code, the Chinese name or a variant (低保户...), or nothing (一般).</summary>
    public static bool TryParse(string? text, out PersonCategory category)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            category = PersonCategory.None;
            return true;
        }
        return Vocabulary.TryParse(text, out category);
    }
}

/// <summary>Who paid a person's contribution for a fund year.</summary>
public enum ContributionPayer
{
    /// <summary>个人缴纳: paid in cash at the window.</summary>
    [Label("个人缴纳")]
    Individual,

    /// <summary>民政代缴: paid by the civil-affairs budget.</summary>
    [Label("民政代缴")]
    CivilAffairs,
}
