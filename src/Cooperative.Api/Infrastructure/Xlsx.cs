using ClosedXML.Excel;

namespace Cooperative.Api.Infrastructure;

/// <summary>A column of a worksheet table: its heading, its width in characters, the value of a row, and a number format.</summary>
public sealed record XlsxColumn<T>(string Heading, double Width, Func<T, object?> Value, string? NumberFormat = null);

/// <summary>
/// Workbooks for download: one table per sheet, a bold heading row that stays frozen and carries the
/// auto-filter. Widths are set explicitly: ClosedXML's AdjustToContents measures fonts through
/// System.Drawing, which throws on Linux.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MoneyFormat = "#,##0.00";

    public static IXLWorksheet AddTable<T>(this XLWorkbook workbook, string sheetName, IReadOnlyList<XlsxColumn<T>> columns,
        IEnumerable<T> rows)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Heading);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var r = 1;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < columns.Count; c++) Write(sheet.Cell(r, c + 1), columns[c].Value(row), columns[c].NumberFormat);
        }
        var heading = sheet.Range(1, 1, 1, columns.Count);
        heading.Style.Font.Bold = true;
        heading.Style.Fill.BackgroundColor = XLColor.LightGray;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, r, columns.Count).SetAutoFilter();
        return sheet;
    }

    public static byte[] ToBytes(this XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Write(IXLCell cell, object? value, string? numberFormat)
    {
        switch (value)
        {
            case null:
                return;
            case decimal amount:
                cell.SetValue(amount);
                break;
            case int number:
                cell.SetValue(number);
                break;
            case bool flag:
                cell.SetValue(flag ? "是" : "否");
                break;
            case DateOnly date:
                cell.SetValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                // Text stays text: account and licence numbers must not turn into numbers.
                cell.DataType = XLDataType.Text;
                cell.SetValue(value.ToString());
                break;
        }
        if (numberFormat is not null) cell.Style.NumberFormat.Format = numberFormat;
    }
}
