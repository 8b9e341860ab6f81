using Cooperative.Domain.Identity;

namespace Cooperative.Domain.Tests.Identity;

public class ResidentIdNumberTests
{
    // The well-known sample from GB 11643-1999: born 1949-12-31 in 110105 (Chaoyang, Beijing), sequence 002 (even: female).
    private const string Sample = "11010519491231002X";

    [Fact]
    public void The_standard_sample_is_valid_and_decoded()
    {
        var check = ResidentIdNumber.Validate(Sample);

        check.IsValid.Should().BeTrue();
        check.ErrorCode.Should().BeNull();
        check.Message.Should().BeNull();
        check.Normalized.Should().Be(Sample);
        check.BirthDate.Should().Be(new DateOnly(1949, 12, 31));
        check.Gender.Should().Be(Gender.Female);
        check.RegionCode.Should().Be("110105");
    }

    [Fact]
    public void Check_digit_of_the_sample_is_X()
    {
        ResidentIdNumber.ComputeCheckDigit("11010519491231002").Should().Be("X");
    }

    [Fact]
    public void A_generated_number_with_an_odd_sequence_is_a_valid_male()
    {
        const string first17 = "41010219800101123";
        var id = first17 + ResidentIdNumber.ComputeCheckDigit(first17);

        var check = ResidentIdNumber.Validate(id);

        check.IsValid.Should().BeTrue();
        check.Gender.Should().Be(Gender.Male);
        check.BirthDate.Should().Be(new DateOnly(1980, 1, 1));
        check.RegionCode.Should().Be("410102");
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_normalised_to_uppercase()
    {
        var check = ResidentIdNumber.Validate(" 11010519491231002x ");

        check.IsValid.Should().BeTrue();
        check.Normalized.Should().Be(Sample);
    }

    [Theory]
    [InlineData("20000229")] // a leap day
    [InlineData("19000101")] // the first day accepted
    public void A_real_birth_date_is_decoded(string birthDigits)
    {
        var first17 = "110105" + birthDigits + "123";
        var check = ResidentIdNumber.Validate(" " + first17 + ResidentIdNumber.ComputeCheckDigit(first17) + "\t");

        check.IsValid.Should().BeTrue();
        check.BirthDate.Should().Be(DateOnly.ParseExact(birthDigits, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        check.Normalized.Should().Be(first17 + ResidentIdNumber.ComputeCheckDigit(first17));
    }

    [Fact]
    public void A_wrong_check_digit_is_rejected_with_the_checksum_code()
    {
        var check = ResidentIdNumber.Validate("110105194912310021");

        check.IsValid.Should().BeFalse();
        check.ErrorCode.Should().Be(ResidentIdNumber.ChecksumError).And.Be("id_number_checksum");
        check.Message.Should().Be("身份证号码校验位错误");
        check.BirthDate.Should().BeNull();
        check.Gender.Should().BeNull();
    }

    [Theory]
    [InlineData("19491331")] // month 13
    [InlineData("19490230")] // 30 February
    [InlineData("19000229")] // 1900 was not a leap year
    [InlineData("19490100")] // day 0
    [InlineData("18991231")] // before 1900
    public void An_impossible_birth_date_is_rejected_even_with_a_correct_check_digit(string birthDigits)
    {
        var first17 = "110105" + birthDigits + "002";
        var check = ResidentIdNumber.Validate(first17 + ResidentIdNumber.ComputeCheckDigit(first17));

        check.IsValid.Should().BeFalse();
        check.ErrorCode.Should().Be("id_number_birth_date");
    }

    [Fact]
    public void A_birth_date_in_the_future_is_rejected_when_today_is_given()
    {
        const string first17 = "11010520300101002";
        var id = first17 + ResidentIdNumber.ComputeCheckDigit(first17);

        ResidentIdNumber.Validate(id).IsValid.Should().BeTrue();
        ResidentIdNumber.Validate(id, new DateOnly(2025, 1, 1)).ErrorCode.Should().Be("id_number_birth_date");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("11010519491231002X1")] // 19 characters
    [InlineData("1101051949123100AX")] // letter inside
    [InlineData("11010519491231002Y")] // bad check character
    [InlineData("110105194912310 2X")] // space inside
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width digits
    public void Wrong_length_or_characters_are_rejected_with_the_format_code(string? value)
    {
        var check = ResidentIdNumber.Validate(value);

        check.IsValid.Should().BeFalse();
        check.ErrorCode.Should().Be("id_number_format");
        check.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData('0', Gender.Female)]
    [InlineData('1', Gender.Male)]
    [InlineData('2', Gender.Female)]
    [InlineData('7', Gender.Male)]
    [InlineData('8', Gender.Female)]
    [InlineData('9', Gender.Male)]
    public void Gender_follows_the_parity_of_the_17th_digit(char digit17, Gender expected)
    {
        var first17 = "4101021980010112" + digit17;
        ResidentIdNumber.Validate(first17 + ResidentIdNumber.ComputeCheckDigit(first17)).Gender.Should().Be(expected);
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("1101051949123100A2")]
    public void Computing_a_check_digit_needs_exactly_17_digits(string first17)
    {
        var act = () => ResidentIdNumber.ComputeCheckDigit(first17);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(Sample, "1101**********002X")]
    [InlineData("12345678", "********")]
    [InlineData("123456789", "1234*6789")]
    public void Masking_keeps_the_first_four_and_last_four_characters(string id, string expected)
    {
        ResidentIdNumber.Mask(id).Should().Be(expected);
    }
}
