using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Cooperative.Api.Geography;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// Writes a realistic register file of one township (参合花名册) for tests and benchmarks, deterministically:
/// the same seed gives the same file. Households of one to seven members (head, spouse, children, parents),
/// valid ID numbers of region 330199, common surnames and given names, and the assisted residents civil affairs
/// supports, in the proportions of rural China:
/// <list type="bullet">
/// <item>低保 (minimum living allowance): 4 % of households, every member, so about 4 % of residents (the national rural
/// share was 7–8 % in 2015–2020, 49 and 36 million of about 600 and 510 million, Ministry of Civil Affairs; an eastern
/// province's much lower).</item>
/// <item>五保 and 特困 (persons in extreme poverty under state support, into which 五保 was merged in 2016): elders of 60
/// and more who live alone with no one bound to support them, 5 % of such heads, so about 0.5 % of residents (the
/// national rural share was about 0.9 %): three in five still registered as 五保, the others as 特困.</item>
/// </list>
/// </summary>
public static class RegisterGenerator
{
    private const string Region = "330199";
    private static readonly string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static readonly string MaleGiven = "伟强磊军勇杰涛明超刚平辉鹏华建国文斌波飞宇浩凯峰亮成林志海东俊新龙德福贵春生荣";
    private static readonly string FemaleGiven = "芳娜敏静丽艳娟霞秀英兰玲桂梅红燕萍琴云莲珍凤洁琳雪倩婷慧颖芬翠花玉菊";

    /// <summary>Households on 低保.</summary>
    private const double DibaoShare = 0.04;

    /// <summary>Heads of 60 and more who live alone under state support: below the first share 五保, below the second 特困.</summary>
    private const double WubaoShare = 0.03, SupportedShare = 0.05;

    /// <summary>The rows of the register, heading first, in <see cref="RegisterColumns.All"/> order.</summary>
    public static List<string[]> Rows(string townshipCode, int households, int seed, DateOnly asOf)
    {
        var villages = SeedFiles.ReadCsv("villages.csv").Where(v => v["township_code"] == townshipCode).Select(v => v["code"]).ToList();
        if (villages.Count == 0) throw new ArgumentException($"Township {townshipCode} has no villages.", nameof(townshipCode));
        var random = new Random(seed);
        var block = TownshipBlock(townshipCode);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var perVillage = new Dictionary<string, int>();
        var rows = new List<string[]> { RegisterColumns.All.ToArray() };
        for (var i = 0; i < households; i++)
        {
            var village = villages[random.Next(villages.Count)];
            perVillage[village] = perVillage.GetValueOrDefault(village) + 1;
            var card = $"{village}{perVillage[village]:0000}";
            var members = Household(random, used, asOf, block);
            var head = members[0].Id;
            rows.AddRange(members.Select(m => new[]
            {
                card, head, townshipCode, village, m.Name, m.Gender == Gender.Male ? "男" : "女",
                m.Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Id, Relationships.ChineseName(m.Relationship),
                m.Category == PersonCategory.None ? "" : PersonCategories.Of(m.Category).ChineseName,
            }));
        }
        return rows;
    }

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(',', row)).Append("\r\n");
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<string[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("参合花名册");
        for (var r = 0; r < rows.Count; r++)
        for (var c = 0; c < rows[r].Length; c++)
            sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]).SetDataType(XLDataType.Text);
        for (var c = 1; c <= RegisterColumns.All.Count; c++) sheet.Column(c).Width = 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private sealed record Member(string Id, string Name, Gender Gender, DateOnly Birth, Relationship Relationship,
        PersonCategory Category);

    private static List<Member> Household(Random random, HashSet<string> used, DateOnly asOf, int block)
    {
        var surname = Pick(random, Surnames);
        var headAge = random.Next(24, 80);
        var headGender = random.NextDouble() < 0.85 ? Gender.Male : Gender.Female;
        var category = random.NextDouble() < DibaoShare ? PersonCategory.Dibao : PersonCategory.None;
        var alone = headAge >= 60 ? random.NextDouble() : 1.0;
        if (alone < SupportedShare)
            return [Person(random, used, asOf, block, surname, headGender, headAge, Relationship.Head,
                alone < WubaoShare ? PersonCategory.Wubao : PersonCategory.Tekun)];

        var members = new List<Member> { Person(random, used, asOf, block, surname, headGender, headAge, Relationship.Head, category) };
        var other = headGender == Gender.Male ? Gender.Female : Gender.Male;
        if (random.NextDouble() < 0.85)
            members.Add(Person(random, used, asOf, block, Pick(random, Surnames), other, Math.Max(20, headAge + random.Next(-5, 4)),
                Relationship.Spouse, category));
        var childSurname = headGender == Gender.Male ? surname : Pick(random, Surnames);
        for (var c = random.Next(0, 4); c > 0 && headAge > 22; c--)
            members.Add(Person(random, used, asOf, block, childSurname, random.Next(2) == 0 ? Gender.Male : Gender.Female,
                random.Next(0, Math.Min(headAge - 20, 40)), Relationship.Child, category));
        if (headAge < 55 && random.NextDouble() < 0.3)
            members.Add(Person(random, used, asOf, block, surname, random.Next(2) == 0 ? Gender.Male : Gender.Female,
                Math.Min(95, headAge + random.Next(22, 35)), Relationship.Parent, category));
        return members;
    }

    private static Member Person(Random random, HashSet<string> used, DateOnly asOf, int block, string surname, Gender gender, int age,
        Relationship relationship, PersonCategory category)
    {
        var given = gender == Gender.Male ? MaleGiven : FemaleGiven;
        var name = surname + Pick(random, given) + (random.NextDouble() < 0.7 ? Pick(random, given) : "");
        while (true)
        {
            var birth = asOf.AddYears(-age).AddDays(-random.Next(1, 365));
            var sequence = (block * SequencesPerTownship) + (random.Next(0, SequencesPerTownship / 2) * 2) + (gender == Gender.Male ? 1 : 0);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{Region}{birth:yyyyMMdd}{sequence:000}");
            var id = first17 + ResidentIdNumber.ComputeCheckDigit(first17);
            if (used.Add(id)) return new Member(id, name, gender, birth, relationship, category);
        }
    }

    /// <summary>
    /// Each township draws its sequence numbers (digits 15–17) from a block of its own, as police stations do, so that
    /// registers of different townships never share an ID number: 330199101 → 000–039, 330199102 → 040–079...
    /// </summary>
    private static int TownshipBlock(string townshipCode) =>
        (int.Parse(townshipCode[^2..], CultureInfo.InvariantCulture) - 1) % (1000 / SequencesPerTownship);

    private const int SequencesPerTownship = 40;

    private static string Pick(Random random, string characters) => characters[random.Next(characters.Length)].ToString();
}
