namespace Cooperative.Domain.Tests;

public class PlainTextTests
{
    [Theory]
    [InlineData("王建国")]
    [InlineData("东湖镇卫生院 (二部)")]
    [InlineData("FP-0001")]
    [InlineData("𝕏 😀")]
    public void Printable_text_is_a_line(string text) => PlainText.IsAcceptable(text, TextKind.Line).Should().BeTrue();

    [Theory]
    [InlineData("a\0b")]
    [InlineData("响铃\u0007")]
    [InlineData("\u001b[31m")]
    [InlineData("删除\u007f")]
    [InlineData("C1\u0085")]
    [InlineData("\u009b")]
    [InlineData("\u202Eexe.txt")]
    [InlineData("\u202A")]
    [InlineData("\u2066名\u2069")]
    [InlineData("\u200E")]
    [InlineData("\uFEFF王")]
    public void Controls_bidi_overrides_BOM_and_half_surrogates_are_refused_everywhere(string text)
    {
        PlainText.IsAcceptable(text, TextKind.Line).Should().BeFalse();
        PlainText.IsAcceptable(text, TextKind.MultiLine).Should().BeFalse();
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_and_a_whole_one_is_a_character()
    {
        // Built in code: attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        foreach (var text in new[] { "半个\ud800代理", "\udc00", "末尾\ud83d" })
        {
            PlainText.IsAcceptable(text, TextKind.Line).Should().BeFalse();
            PlainText.IsAcceptable(text, TextKind.MultiLine).Should().BeFalse();
        }
        PlainText.IsAcceptable("\ud83d\ude00", TextKind.Line).Should().BeTrue();
    }

    [Theory]
    [InlineData("第一行\n第二行")]
    [InlineData("第一行\r\n第二行")]
    [InlineData("列\t列")]
    [InlineData("王\u200B建国")]
    [InlineData("👨\u200D👩")]
    public void Line_breaks_tabs_and_zero_width_characters_belong_to_free_text_only(string text)
    {
        PlainText.IsAcceptable(text, TextKind.Line).Should().BeFalse();
        PlainText.IsAcceptable(text, TextKind.MultiLine).Should().BeTrue();
    }
}
