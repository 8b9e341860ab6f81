namespace Cooperative.Domain;

/// <summary>What a text field may hold besides printable characters.</summary>
public enum TextKind
{
    /// <summary>A name, code, title or short line (姓名、编码、标题、原因): one line, nothing invisible.</summary>
    Line,

    /// <summary>Long free text (投诉内容、答复、说明): line breaks (\n, \r\n) and tabs too, and the zero-width joiners of emoji.</summary>
    MultiLine,
}

/// <summary>
/// The characters no text field accepts: NUL and the other C0 and C1 controls and DEL (bar line breaks and tabs in
/// long free text), the bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) that make text read differently from what it holds, U+FEFF, and half a surrogate pair (no
/// character at all, and the database cannot store it). A line refuses the zero-width characters too
/// (U+200B–U+200D, U+2060): they make two names or codes look the same.
/// </summary>
public static class PlainText
{
    public static bool IsAcceptable(string value, TextKind kind)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsAcceptable(c, kind)) return false;
        }
        return true;
    }

    private static bool IsAcceptable(char c, TextKind kind) => c switch
    {
        '\n' or '\t' or '\r' => kind == TextKind.MultiLine,
        < ' ' or (>= '\u007f' and <= '\u009f') => false,
        '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\ufeff' => false,
        (>= '\u200b' and <= '\u200d') or '\u2060' => kind == TextKind.MultiLine,
        _ => !char.IsSurrogate(c),
    };
}
