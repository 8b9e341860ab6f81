using Cooperative.Api.Enrollment;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class RegisterGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_register()
    {
        var first = RegisterGenerator.Rows("330199101", 50, 42, Registers.AsOf);
        var second = RegisterGenerator.Rows("330199101", 50, 42, Registers.AsOf);

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        RegisterGenerator.Rows("330199101", 50, 43, Registers.AsOf).Should().NotBeEquivalentTo(first);
    }

    [Fact]
    public void A_generated_register_passes_the_import_validation_with_valid_unique_ids()
    {
        var rows = RegisterGenerator.Rows("330199101", 520, 7, Registers.AsOf);
        var villages = Geography.SeedFiles.ReadCsv("villages.csv").ToDictionary(v => v["code"], v => v["township_code"]);
        var townships = Geography.SeedFiles.ReadCsv("townships.csv").Select(t => t["code"]).ToHashSet();

        var check = new RegisterValidator(new RegisterRowParser(villages, townships, new DateOnly(2026, 11, 27)))
            .Validate(rows.Skip(1).Select((r, i) => new RawRegisterRow(i + 2, r)).ToList());

        check.Errors.Should().BeEmpty();
        rows[0].Should().Equal(RegisterColumns.All);
        rows.Skip(1).Select(r => r[7]).Should().OnlyHaveUniqueItems().And.OnlyContain(id => ResidentIdNumber.Validate(id).IsValid);
        check.Rows.Should().Contain(r => r.Category == PersonCategory.Dibao).And.Contain(r => r.Category == PersonCategory.Wubao);
    }
}

public sealed class RegisterFileReaderTests
{
    [Fact]
    public void Quoted_cells_may_hold_commas_quotes_and_line_breaks_and_keep_row_numbers()
    {
        var text = "姓名,地址\r\n王建国,一组\r\n\"李,秀英\",\"二组\"\"东\"\"\n门牌3号\"\r\n\r\n王磊,三组\r\n";

        var file = RegisterFileReader.ReadCsv(System.Text.Encoding.UTF8.GetBytes(text));

        file.Header.Should().Equal("姓名", "地址");
        file.Rows.Select(r => (r.RowNumber, string.Join("|", r.Cells))).Should().Equal(
            (2, "王建国|一组"), (3, "李,秀英|二组\"东\"\n门牌3号"), (5, "王磊|三组"));
    }

    [Fact]
    public void Registers_of_two_townships_never_share_an_id_number()
    {
        var first = RegisterGenerator.Rows("330199101", 3_000, 1, Registers.AsOf).Skip(1).Select(r => r[7]);
        var second = RegisterGenerator.Rows("330199102", 3_000, 1, Registers.AsOf).Skip(1).Select(r => r[7]);

        first.Intersect(second).Should().BeEmpty();
    }
}
