using System.Globalization;
using Cooperative.Domain.Identity;

namespace Cooperative.Domain.Enrollment;

/// <summary>
/// Checks one row of a register file on its own (cell formats, ID checksums, agreement of gender and birth
/// date with the ID number, known township and village). Needs no database: the county's villages are given.
/// </summary>
public sealed class RegisterRowParser(IReadOnlyDictionary<string, string> townshipOfVillage, IReadOnlySet<string> townships,
    DateOnly today)
{
    public const int MaxNameLength = 32;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    public RegisterRow? Parse(RawRegisterRow raw, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        string Cell(int i) => i < raw.Cells.Count ? raw.Cells[i]?.Trim() ?? "" : "";
        void Fail(string column, string message) => errors.Add(new ImportError(raw.RowNumber, column, message));

        var card = Cell(0);
        if (card.Length == 0) Fail(RegisterColumns.CardNumber, "合作医疗证号不能为空");
        else if (!CardNumber.IsValid(card)) Fail(RegisterColumns.CardNumber, CardNumber.Rule);

        var head = CheckId(Cell(1), RegisterColumns.HeadIdNumber, Fail);

        var township = Cell(2);
        if (township.Length == 0) Fail(RegisterColumns.TownshipCode, "乡镇代码不能为空");
        else if (!townships.Contains(township)) Fail(RegisterColumns.TownshipCode, $"乡镇代码 {township} 不存在");

        var village = Cell(3);
        if (village.Length == 0) Fail(RegisterColumns.VillageCode, "村代码不能为空");
        else if (!townshipOfVillage.TryGetValue(village, out var villageTownship))
            Fail(RegisterColumns.VillageCode, $"村代码 {village} 不存在");
        else if (township.Length > 0 && villageTownship != township)
            Fail(RegisterColumns.VillageCode, $"村 {village} 不属于乡镇 {township}");

        var name = Cell(4);
        if (NameProblem(name) is { } nameProblem) Fail(RegisterColumns.Name, nameProblem);

        var id = CheckId(Cell(7), RegisterColumns.IdNumber, Fail);
        var gender = ParseGender(Cell(5));
        if (gender is null) Fail(RegisterColumns.Gender, "性别应填写“男”或“女”");
        else if (id is not null && id.Gender != gender) Fail(RegisterColumns.Gender, "性别与身份证号不符");

        var birth = ParseDate(Cell(6));
        if (birth is null) Fail(RegisterColumns.BirthDate, "出生日期格式应为 yyyy-MM-dd，例如 1980-01-31");
        else if (id is not null && id.BirthDate != birth) Fail(RegisterColumns.BirthDate, "出生日期与身份证号不符");

        if (!Relationships.TryParse(Cell(8), out var relationship))
            Fail(RegisterColumns.Relationship, "与户主关系应为户主、配偶、子女、儿媳女婿、父母、祖父母、孙子女、兄弟姐妹或其他");
        if (!PersonCategories.TryParse(Cell(9), out var category))
            Fail(RegisterColumns.Category, "人员类别应为一般、低保、五保、优抚之一，或留空");

        if (errors.Count > before) return null;
        return new RegisterRow(raw.RowNumber, card, head!.Normalized!, township, village, name, gender!.Value, birth!.Value,
            id!.Normalized!, relationship, category);
    }

    /// <summary>Why a name cannot be stored, or null: required, at most 32 characters, no digits, plain text (<see cref="PlainText"/>).</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "姓名不能为空";
        if (name.Trim().Length > MaxNameLength) return $"姓名不能超过{MaxNameLength}个字符";
        if (name.Any(char.IsDigit)) return "姓名不能包含数字";
        if (!PlainText.IsAcceptable(name, TextKind.Line)) return "姓名不能包含换行、控制字符或不可见的方向控制字符";
        return null;
    }

    public static Gender? ParseGender(string? text) => Vocabulary.TryParse(text, out Gender gender) ? gender : null;

    public static DateOnly? ParseDate(string? text)
    {
        var value = text?.Trim();
        if (value is { Length: 10 } && IsoDate(value) is { } iso) return iso;
        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>yyyy-MM-dd read digit by digit: a register has a date on every row, and the culture-aware parser is slow.</summary>
    private static DateOnly? IsoDate(string value)
    {
        if (value[4] != '-' || value[7] != '-') return null;
        int Digits(int start, int count)
        {
            var n = 0;
            for (var i = start; i < start + count; i++)
            {
                var d = value[i] - '0';
                if (d is < 0 or > 9) return -1;
                n = n * 10 + d;
            }
            return n;
        }
        int year = Digits(0, 4), month = Digits(5, 2), day = Digits(8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private ResidentIdCheck? CheckId(string value, string column, Action<string, string> fail)
    {
        if (value.Length == 0)
        {
            fail(column, $"{column}不能为空");
            return null;
        }
        var check = ResidentIdNumber.Validate(value, today);
        if (check.IsValid) return check;
        fail(column, check.Message!);
        return null;
    }
}
