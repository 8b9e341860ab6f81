using System.Globalization;

namespace Cooperative.Domain.Enrollment;

/// <summary>Contribution receipts (缴费收据) are numbered per fund year: 2026-000001, 2026-000002...</summary>
public static class ReceiptNumber
{
    /// <summary>The name of the receipts' counter among the yearly number sequences.</summary>
    public const string Sequence = "receipt";

    public static string Format(int fundYear, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{fundYear:0000}-{sequence:000000}");
    }

    public static string PrefixOf(int fundYear) => string.Create(CultureInfo.InvariantCulture, $"{fundYear:0000}-");
}

/// <summary>The household's cooperative medical card number (合作医疗证号).</summary>
public static class CardNumber
{
    public const int MinLength = 6;
    public const int MaxLength = 20;

    /// <summary>6 to 20 ASCII letters or digits, e.g. the village code and a sequence: 3301991010010001.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: >= MinLength and <= MaxLength } && value.All(char.IsAsciiLetterOrDigit);

    public const string Rule = "合作医疗证号应为6至20位字母或数字";
}
