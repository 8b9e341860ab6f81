using Cooperative.Domain.Enrollment;

namespace Cooperative.Domain.Tests.Enrollment;

public class PersonCategoryTests
{
    [Theory]
    [InlineData(PersonCategory.None, ContributionPayer.Individual)]
    [InlineData(PersonCategory.Dibao, ContributionPayer.CivilAffairs)]
    [InlineData(PersonCategory.Wubao, ContributionPayer.CivilAffairs)]
    [InlineData(PersonCategory.Youfu, ContributionPayer.Individual)]
    public void Dibao_and_wubao_are_paid_by_civil_affairs_and_others_pay_themselves(PersonCategory category, ContributionPayer payer)
    {
        PersonCategories.PayerFor(category).Should().Be(payer);
    }

    [Fact]
    public void Every_category_has_a_row_in_the_table()
    {
        PersonCategories.All.Select(c => c.Category).Should().BeEquivalentTo(Enum.GetValues<PersonCategory>());
    }

    [Theory]
    [InlineData("低保", PersonCategory.Dibao)]
    [InlineData(" 五保户 ", PersonCategory.Wubao)]
    [InlineData("", PersonCategory.None)]
    [InlineData("一般", PersonCategory.None)]
    [InlineData("Youfu", PersonCategory.Youfu)]
    public void Categories_are_read_as_staff_write_them(string text, PersonCategory expected)
    {
        PersonCategories.TryParse(text, out var category).Should().BeTrue();
        category.Should().Be(expected);
    }

    [Fact]
    public void An_unknown_category_is_refused()
    {
        PersonCategories.TryParse("贫困户", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("户主", Relationship.Head)]
    [InlineData("妻子", Relationship.Spouse)]
    [InlineData("孙女", Relationship.Grandchild)]
    [InlineData("ChildInLaw", Relationship.ChildInLaw)]
    public void Relationships_are_read_in_chinese_and_english(string text, Relationship expected)
    {
        Relationships.TryParse(text, out var relationship).Should().BeTrue();
        relationship.Should().Be(expected);
    }

    [Fact]
    public void Receipt_numbers_run_per_fund_year_with_six_digits()
    {
        ReceiptNumber.Format(2026, 1).Should().Be("2026-000001");
        ReceiptNumber.Format(2027, 123456).Should().Be("2027-123456");
        ReceiptNumber.PrefixOf(2026).Should().Be("2026-");
    }

    [Theory]
    [InlineData("3301991010010001", true)]
    [InlineData("HZ2026A", true)]
    [InlineData("12345", false)]
    [InlineData("3301-9910", false)]
    [InlineData(null, false)]
    public void Card_numbers_are_six_to_twenty_letters_or_digits(string? card, bool valid)
    {
        CardNumber.IsValid(card).Should().Be(valid);
    }
}
