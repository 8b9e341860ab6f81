using System.Globalization;
using System.Text;

namespace Cooperative.Domain.Claims;

/// <summary>
/// The normal forms in which the claims of one bill are compared, however they were typed: an invoice number
/// (发票号) and the free-text name of a facility outside the county or of a patient.
/// </summary>
public static class BillText
{
    /// <summary>
    /// An invoice number in its normal form: Unicode NFKC (full-width to half-width), every hyphen and dash
    /// variant as "-", whitespace and invisible format characters removed, case folded to upper case.
    /// <c>VAR- 123</c>, <c>VAR－123</c>, <c>var‐123</c> and <c>ＶＡＲ—１２３</c> are all <c>VAR-123</c>.
    /// </summary>
    public static string InvoiceKey(string invoiceNumber) => Fold(invoiceNumber, unifyDashes: true);

    /// <summary>
    /// A name in its normal form: NFKC, whitespace and invisible characters removed, case folded. Chinese names
    /// carry no spaces, so <c>王 建国</c> and <c>王建国</c> are one name.
    /// </summary>
    public static string NameKey(string name) => Fold(name, unifyDashes: true);

    private static string Fold(string text, bool unifyDashes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c)) continue;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control) continue; // zero-width spaces, BOM, bidi marks
            if (unifyDashes && IsDash(c, category)) sb.Append('-');
            else sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Every dash punctuation (‐ ‑ ‒ – — ― ⸺ 〜 …), the minus sign and the small and full-width hyphens.</summary>
    private static bool IsDash(char c, UnicodeCategory category) =>
        category == UnicodeCategory.DashPunctuation || c is '\u2212' or '\u2043' or '\uFE63' or '\uFF0D' or '\u02D7' or '\u2796';
}
