using Cooperative.Domain.Identity;

namespace Cooperative.Domain.Tests.Identity;

public class NameMaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张*丰")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("王", "*")]
    [InlineData("  李四  ", "李*")]
    [InlineData("", "")]
    [InlineData("𠮷大", "𠮷*")] // a character outside the BMP counts as one
    public void Names_keep_the_first_and_last_character_and_mask_the_rest(string name, string expected)
    {
        NameMasking.Mask(name).Should().Be(expected);
    }
}
