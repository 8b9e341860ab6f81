using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;

namespace Cooperative.Domain.Tests.Enrollment;

public class RegisterValidatorTests
{
    private const string Township = "330199101";
    private const string Village = "330199101001";
    private const string Card = "3301991010010001";
    private static readonly string Head = Ids.Of("19700101", 11);   // male
    private static readonly string Wife = Ids.Of("19720305", 22);   // female
    private static readonly string Son = Ids.Of("19981010", 33);    // male

    private static readonly RegisterValidator Validator = new(new RegisterRowParser(
        new Dictionary<string, string> { [Village] = Township, ["330199102001"] = "330199102" },
        new HashSet<string> { Township, "330199102" },
        new DateOnly(2026, 11, 27)));

    private static RawRegisterRow Row(int number, string id, string name, string gender, string birth, string relationship,
        string category = "", string card = Card, string head = "", string township = Township, string village = Village) =>
        new(number, [card, head.Length == 0 ? Head : head, township, village, name, gender, birth, id, relationship, category]);

    private static List<RawRegisterRow> GoodHousehold() =>
    [
        Row(2, Head, "王建国", "男", "1970-01-01", "户主"),
        Row(3, Wife, "李秀英", "女", "1972/3/5", "配偶", "低保"),
        Row(4, Son, "王磊", "男", "19981010", "子女"),
    ];

    [Fact]
    public void A_good_household_passes_and_is_decoded()
    {
        var check = Validator.Validate(GoodHousehold());

        check.IsValid.Should().BeTrue();
        check.Rows.Should().HaveCount(3);
        check.Rows[1].Should().BeEquivalentTo(new
        {
            RowNumber = 3, CardNumber = Card, HeadIdNumber = Head, Name = "李秀英", Gender = Gender.Female,
            BirthDate = new DateOnly(1972, 3, 5), Relationship = Relationship.Spouse, Category = PersonCategory.Dibao,
        });
    }

    [Fact]
    public void A_bad_checksum_is_reported_with_its_row_and_column_in_chinese()
    {
        var rows = GoodHousehold();
        rows[2] = Row(4, Ids.WithBadChecksum(Son), "王磊", "男", "1998-10-10", "子女");

        var check = Validator.Validate(rows);

        check.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(4, RegisterColumns.IdNumber, "身份证号码校验位错误"));
        check.Rows.Should().NotContain(r => r.RowNumber == 4);
    }

    [Fact]
    public void Every_bad_cell_of_every_row_is_listed_in_row_and_column_order()
    {
        var rows = GoodHousehold();
        rows[1] = Row(3, Wife, "", "男", "1972-03-06", "妻", "困难户");
        rows[2] = Row(4, Son, "王磊", "男", "1998-10-10", "邻居", village: "330199199999");

        var errors = Validator.Validate(rows).Errors;

        errors.Select(e => (e.Row, e.Column)).Should().Equal(
            (3, RegisterColumns.Name), (3, RegisterColumns.Gender), (3, RegisterColumns.BirthDate), (3, RegisterColumns.Category),
            (4, RegisterColumns.VillageCode), (4, RegisterColumns.Relationship));
        errors.Should().OnlyContain(e => e.Message.Length > 0);
    }

    [Fact]
    public void A_village_of_another_township_is_refused()
    {
        var rows = GoodHousehold();
        rows[0] = Row(2, Head, "王建国", "男", "1970-01-01", "户主", village: "330199102001");

        Validator.Validate(rows).Errors.Should().Contain(e => e.Row == 2 && e.Message.Contains("不属于乡镇"));
    }

    [Fact]
    public void An_id_number_twice_in_a_file_names_the_first_row()
    {
        var rows = GoodHousehold();
        rows.Add(Row(5, Son, "王磊", "男", "1998-10-10", "子女", card: "3301991010010002", head: Son));

        Validator.Validate(rows).Errors.Should().Contain(new ImportError(5, RegisterColumns.IdNumber, "身份证号与第4行重复"));
    }

    [Fact]
    public void A_household_needs_exactly_one_head_who_is_its_head_id()
    {
        var noHead = GoodHousehold().Skip(1).ToList();
        Validator.Validate(noHead).Errors.Should().ContainSingle(e => e.Message.Contains("缺少户主行"));

        var twoHeads = GoodHousehold();
        twoHeads[1] = Row(3, Wife, "李秀英", "女", "1972-03-05", "户主");
        Validator.Validate(twoHeads).Errors.Should().Contain(e => e.Row == 3 && e.Message.Contains("只能有一个户主"));
    }

    [Fact]
    public void Rows_of_one_card_must_agree_on_head_and_village()
    {
        var rows = GoodHousehold();
        rows[2] = Row(4, Son, "王磊", "男", "1998-10-10", "子女", head: Wife);

        Validator.Validate(rows).Errors.Should().Contain(new ImportError(4, RegisterColumns.HeadIdNumber, "与同一合作医疗证号的第2行不一致"));
    }

    [Fact]
    public void Missing_headings_are_named_and_extra_columns_are_ignored()
    {
        var header = new[] { "备注", " 姓名 ", "\uFEFF合作医疗证号", "户主身份证号", "乡镇代码", "村代码", "性别", "出生日期", "身份证号", "与户主关系" };

        var missing = RegisterColumns.Missing(header, out var positions);

        missing.Should().Equal(RegisterColumns.Category);
        positions[0].Should().Be(2);
        positions[4].Should().Be(1);
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var future = Ids.Of("20270101", 11);
        var rows = new List<RawRegisterRow> { Row(2, future, "王小", "男", "2027-01-01", "户主", head: future) };

        Validator.Validate(rows).Errors.Should().Contain(e => e.Column == RegisterColumns.IdNumber && e.Message.Contains("出生日期"));
    }
}
