using ClosedXML.Excel;

namespace Cooperative.Api.Infrastructure;

/// <summary>A column of a worksheet table: its heading, its width in characters, the value of a row, and a number format.</summary>
public sealed record XlsxColumn<T>(string Heading, double Width, Func<T, object?> Value, string? NumberFormat = null);

/// <summary>A column of a sheet whose rows are plain arrays of values.</summary>
public sealed record ExcelColumn(string Heading, double Width = 14, string? Format = null)
{
    public static ExcelColumn Money(string heading, double width = 16) => new(heading, width, Xlsx.MoneyFormat);

    public static ExcelColumn Percent(string heading, double width = 12) => new(heading, width, Xlsx.PercentFormat);
}

/// <summary>
/// Workbooks for download: one table per sheet (under an optional title), a bold heading row that stays
/// frozen and carries the auto-filter, number formats per column. Widths are set explicitly: ClosedXML's
/// AdjustToContents measures fonts through System.Drawing, which throws on Linux.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MoneyFormat = "#,##0.00";
    public const string PercentFormat = "0.00%";

    public static IXLWorksheet AddTable<T>(this XLWorkbook workbook, string sheetName, IReadOnlyList<XlsxColumn<T>> columns,
        IEnumerable<T> rows, string? title = null)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        var headingRow = 1;
        if (title is not null)
        {
            sheet.Cell(1, 1).SetValue(title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            sheet.Cell(1, 1).Style.Font.FontSize = 14;
            headingRow = 2;
        }
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(headingRow, c + 1).SetValue(columns[c].Heading);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var r = headingRow;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < columns.Count; c++) Write(sheet.Cell(r, c + 1), columns[c].Value(row), columns[c].NumberFormat);
        }
        for (var c = 0; c < columns.Count; c++)
            if (columns[c].NumberFormat is { } format) sheet.Column(c + 1).Style.NumberFormat.Format = format;
        var heading = sheet.Range(headingRow, 1, headingRow, columns.Count);
        heading.Style.Font.Bold = true;
        heading.Style.Fill.BackgroundColor = XLColor.LightGray;
        sheet.SheetView.FreezeRows(headingRow);
        sheet.Range(headingRow, 1, r, columns.Count).SetAutoFilter();
        return sheet;
    }

    /// <summary>A table whose rows are arrays of values, one per column.</summary>
    public static IXLWorksheet AddTable(this XLWorkbook workbook, string sheetName, IReadOnlyList<ExcelColumn> columns,
        IEnumerable<object?[]> rows, string? title = null) =>
        workbook.AddTable(sheetName,
            columns.Select((c, i) => new XlsxColumn<object?[]>(c.Heading, c.Width, row => i < row.Length ? row[i] : null, c.Format)).ToList(),
            rows, title);

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
            case int or long or double:
                cell.SetValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case bool flag:
                cell.SetValue(flag ? "是" : "否");
                break;
            case DateOnly date:
                cell.SetValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                // Text stays text: account, licence and ID numbers must not turn into numbers.
                cell.DataType = XLDataType.Text;
                cell.SetValue(value.ToString());
                break;
        }
        if (numberFormat is not null) cell.Style.NumberFormat.Format = numberFormat;
    }
}
