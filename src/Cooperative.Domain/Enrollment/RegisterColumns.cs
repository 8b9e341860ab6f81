namespace Cooperative.Domain.Enrollment;

/// <summary>The columns of a township's register file (参合花名册), by their Chinese headings.</summary>
public static class RegisterColumns
{
    public const string CardNumber = "合作医疗证号";
    public const string HeadIdNumber = "户主身份证号";
    public const string TownshipCode = "乡镇代码";
    public const string VillageCode = "村代码";
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string BirthDate = "出生日期";
    public const string IdNumber = "身份证号";
    public const string Relationship = "与户主关系";
    public const string Category = "人员类别";

    /// <summary>Every column, in the order the validator reads a row's cells.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CardNumber, HeadIdNumber, TownshipCode, VillageCode, Name, Gender, BirthDate, IdNumber, Relationship, Category];

    /// <summary>
    /// Finds each column in a file's heading row (any order; surrounding spaces and extra columns are ignored).
    /// <paramref name="positions"/>[i] is the position of <see cref="All"/>[i] in the file, or -1.
    /// </summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> header, out int[] positions)
    {
        ArgumentNullException.ThrowIfNull(header);
        var trimmed = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        positions = All.Select(c => trimmed.IndexOf(c)).ToArray();
        var found = positions;
        return All.Where((_, i) => found[i] < 0).ToList();
    }
}

/// <summary>A row of a register file as read: its row number in the file and its cells in <see cref="RegisterColumns.All"/> order.</summary>
public sealed record RawRegisterRow(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>A checked row of a register file: one person of one household.</summary>
public sealed record RegisterRow(
    int RowNumber,
    string CardNumber,
    string HeadIdNumber,
    string TownshipCode,
    string VillageCode,
    string Name,
    Identity.Gender Gender,
    DateOnly BirthDate,
    string IdNumber,
    Relationship Relationship,
    PersonCategory Category);

/// <summary>One problem of an import file: the row (as numbered in the file, the heading being row 1), the column and what is wrong, in Chinese.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>The outcome of checking a file: the good rows, and every problem found.</summary>
public sealed record RegisterCheck(IReadOnlyList<RegisterRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
