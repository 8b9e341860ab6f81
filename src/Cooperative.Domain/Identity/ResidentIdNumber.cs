using System.Globalization;

namespace Cooperative.Domain.Identity;

/// <summary>
/// The 18-digit citizen identity number (公民身份号码) of GB 11643-1999: 6-digit region code, 8-digit birth
/// date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check digit (0–9 or X).
/// </summary>
public static class ResidentIdNumber
{
    /// <summary>Error code: wrong length or characters (号码格式错误).</summary>
    public const string FormatError = "id_number_format";

    /// <summary>Error code: the birth date digits are not a real date (出生日期无效).</summary>
    public const string BirthDateError = "id_number_birth_date";

    /// <summary>Error code: the check digit does not match (校验位错误).</summary>
    public const string ChecksumError = "id_number_checksum";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    /// <summary>Checks an ID number; surrounding whitespace is ignored and a lowercase x is accepted.</summary>
    public static ResidentIdCheck Validate(string? value) => Validate(value, null);

    /// <summary>As <see cref="Validate(string?)"/>, and also rejects birth dates after <paramref name="asOf"/>.</summary>
    public static ResidentIdCheck Validate(string? value, DateOnly? asOf)
    {
        // Called for every row of a register (two ID numbers a row, 100,000 rows a file): no parsing by culture and
        // no new string unless the value needs trimming or its x upper-casing.
        var span = (value ?? string.Empty).AsSpan().Trim();
        if (span.Length != 18 || !AllDigits(span[..17]) || !(char.IsAsciiDigit(span[17]) || span[17] is 'X' or 'x'))
        {
            return ResidentIdCheck.Fail(FormatError, "身份证号码应为18位，前17位为数字，最后一位为数字或X");
        }

        if (BirthDateOf(span) is not { } birthDate || (asOf is { } today && birthDate > today))
        {
            return ResidentIdCheck.Fail(BirthDateError, "身份证号码中的出生日期无效");
        }

        if (CheckDigit(span[..17]) != char.ToUpperInvariant(span[17]))
        {
            return ResidentIdCheck.Fail(ChecksumError, "身份证号码校验位错误");
        }

        var id = span.Length == value!.Length && span[17] != 'x' ? value : string.Concat(span[..17], span[17] == 'x' ? "X" : span[17..]);
        var gender = (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return ResidentIdCheck.Ok(id, birthDate, gender);
    }

    /// <summary>Digits 7–14 as a date from 1900 on, or null when they are not one.</summary>
    private static DateOnly? BirthDateOf(ReadOnlySpan<char> id)
    {
        int year = Number(id, 6, 4), month = Number(id, 10, 2), day = Number(id, 12, 2);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static int Number(ReadOnlySpan<char> digits, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++) n = (n * 10) + (digits[i] - '0');
        return n;
    }

    private static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckDigits[sum % 11];
    }

    /// <summary>Computes the check digit ("0"–"9" or "X") for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">When <paramref name="first17"/> is not exactly 17 ASCII digits.</exception>
    public static string ComputeCheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !AllDigits(first17))
        {
            throw new ArgumentException("Exactly 17 digits are required.", nameof(first17));
        }

        return CheckDigit(first17).ToString();
    }

    /// <summary>
    /// Masks an ID number for facility screens: keeps the first 4 and last 4 characters and replaces the rest
    /// with '*' ("4101**********123X"). Values of 8 characters or fewer are masked completely.
    /// The public is never shown an ID number at all.
    /// </summary>
    public static string Mask(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var value = id.Trim();
        if (value.Length <= 8)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
    }

    private static bool AllDigits(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
