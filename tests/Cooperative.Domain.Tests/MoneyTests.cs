namespace Cooperative.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("2.335", "2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("100", "100")]
    public void Money_rounds_to_the_fen_half_away_from_zero(string amount, string expected)
    {
        Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Whole_fen_amounts_are_recognised()
    {
        Money.IsWholeFen(12.34m).Should().BeTrue();
        Money.IsWholeFen(12.340m).Should().BeTrue();
        Money.IsWholeFen(12.345m).Should().BeFalse();
    }
}
