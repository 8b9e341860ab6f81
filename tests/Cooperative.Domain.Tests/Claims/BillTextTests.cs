using Cooperative.Domain.Claims;

namespace Cooperative.Domain.Tests.Claims;

public class BillTextTests
{
    [Theory]
    [InlineData("VAR-123")]
    [InlineData("VAR- 123")]
    [InlineData("VAR－123")]
    [InlineData("var‐123")]
    [InlineData("ＶＡＲ—１２３")]
    [InlineData(" VAR – 123 ")]
    [InlineData("VAR\u2212123")]
    [InlineData("VAR\u00A0-\u3000123")]
    [InlineData("VAR-\u200B123\uFEFF")]
    [InlineData("V\u00ADAR-123")]
    [InlineData("VAR\t-\n123")]
    public void Every_spelling_of_one_invoice_number_has_one_normal_form(string spelling) =>
        BillText.InvoiceKey(spelling).Should().Be("VAR-123");

    [Theory]
    [InlineData("VAR-123", "VAR-124")]
    [InlineData("VAR-123", "VAR123")]
    [InlineData("VAR-123", "VAR_123")]
    [InlineData("FP0001", "FPO001")]
    public void Different_invoice_numbers_stay_different(string a, string b) =>
        BillText.InvoiceKey(a).Should().NotBe(BillText.InvoiceKey(b));

    [Theory]
    [InlineData("王建国", "王 建国")]
    [InlineData("王建国", " 王　建国 ")]
    [InlineData("省人民医院", "省人民医院\u200B")]
    [InlineData("Zhejiang Hospital", "ZHEJIANG  HOSPITAL")]
    public void Names_compare_without_whitespace_width_or_case(string a, string b) =>
        BillText.NameKey(a).Should().Be(BillText.NameKey(b));
}
