using System.Globalization;

namespace Cooperative.Domain.Identity;

/// <summary>Masks personal names for public disclosure (公示姓名脱敏).</summary>
public static class NameMasking
{
    /// <summary>
    /// Keeps the first and last character and masks everything between: 张三丰 → 张*丰, 欧阳小明 → 欧**明.
    /// A two-character name keeps the first (张三 → 张*), a one-character name becomes "*".
    /// Input is trimmed; characters are counted as text elements so rare characters outside the BMP count once.
    /// </summary>
    public static string Mask(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var name = fullName.Trim();
        var info = new StringInfo(name);
        var count = info.LengthInTextElements;
        return count switch
        {
            0 => string.Empty,
            1 => "*",
            2 => info.SubstringByTextElements(0, 1) + "*",
            _ => info.SubstringByTextElements(0, 1)
                 + new string('*', count - 2)
                 + info.SubstringByTextElements(count - 1, 1),
        };
    }
}
