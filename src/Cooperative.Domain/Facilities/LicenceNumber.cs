using System.Text.RegularExpressions;

namespace Cooperative.Domain.Facilities;

/// <summary>
/// The registration number of a medical institution's practising licence (医疗机构执业许可证登记号): 22
/// characters, a 9-character organisation code, the 6-digit administrative division code, two digits for
/// ownership and kind, a letter, and a 4-digit serial, e.g. <c>88139986633019911A1074</c>.
/// </summary>
public static partial class LicenceNumber
{
    public const string FormatDescription = "执业许可证登记号应为22位：9位组织机构代码、6位行政区划代码、2位数字、1位大写字母和4位数字";

    public static bool IsWellFormed(string? value) => value is { Length: 22 } && Shape().IsMatch(value);

    [GeneratedRegex("^[0-9A-Z]{9}[0-9]{8}[A-Z][0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
