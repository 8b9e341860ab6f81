using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Cooperative.Api.Enrollment;

/// <summary>A register file as read: its heading row and its data rows with their row numbers (the heading is row 1).</summary>
internal sealed record RegisterFile(IReadOnlyList<string> Header, IReadOnlyList<(int RowNumber, string[] Cells)> Rows);

/// <summary>
/// Reads a township's register from .csv (UTF-8, or GB18030 as Chinese Excel saves it; RFC 4180 quoting) or
/// .xlsx (the first worksheet). Blank rows are skipped but keep their numbers, so errors name the row a clerk sees.
/// </summary>
internal static class RegisterFileReader
{
    static RegisterFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RegisterFile ReadCsv(byte[] bytes)
    {
        var records = ParseCsv(Decode(bytes));
        if (records.Count == 0) return new RegisterFile([], []);
        var rows = records.Skip(1).Select((cells, i) => (RowNumber: i + 2, Cells: cells))
            .Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        return new RegisterFile(records[0], rows);
    }

    public static RegisterFile ReadXlsx(Stream stream)
    {
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheets.First();
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var used = sheet.RowsUsed().ToList();
        if (used.Count == 0 || lastColumn == 0) return new RegisterFile([], []);
        string[] Cells(IXLRow row) => Enumerable.Range(1, lastColumn).Select(c => CellText(row.Cell(c))).ToArray();
        var header = Cells(used[0]);
        var rows = used.Skip(1).Select(r => (r.RowNumber(), Cells(r))).Where(r => r.Item2.Any(c => c.Trim().Length > 0)).ToList();
        return new RegisterFile(header, rows);
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>RFC 4180: lines without quotes are split directly; a quoted record (commas, quotes, line breaks inside) is scanned.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(position, end - position).TrimEnd('\r');
            if (line.IndexOf('"') < 0)
            {
                records.Add(line.ToString().Split(','));
                position = end + 1;
            }
            else records.Add(ParseQuotedRecord(text, ref position));
        }
        return records;
    }

    private static string[] ParseQuotedRecord(string text, ref int position)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"' && position + 1 < text.Length && text[position + 1] == '"') { cell.Append('"'); position++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
                continue;
            }
            if (c == '\n') { position++; break; }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                default: cell.Append(c); break;
            }
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
