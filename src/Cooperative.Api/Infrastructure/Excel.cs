using ClosedXML.Excel;

namespace Cooperative.Api.Infrastructure;

/// <summary>A column of a report sheet: its Chinese heading, width, and number format (money, percent...).</summary>
public sealed record ExcelColumn(string Heading, double Width = 14, string? Format = null)
{
    public const string MoneyFormat = "#,##0.00";
    public const string PercentFormat = "0.00%";

    public static ExcelColumn Money(string heading, double width = 16) => new(heading, width, MoneyFormat);

    public static ExcelColumn Percent(string heading, double width = 12) => new(heading, width, PercentFormat);
}

/// <summary>
/// Report sheets formatted for reading: bold frozen header, auto-filter, explicit widths (AdjustToContents
/// needs GDI+, which Linux lacks) and number formats per column.
/// </summary>
public static class Excel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IXLWorksheet AddTable(this XLWorkbook workbook, string name, IReadOnlyList<ExcelColumn> columns,
        IEnumerable<object?[]> rows, string? title = null)
    {
        var sheet = workbook.Worksheets.Add(name);
        var headerRow = 1;
        if (title is not null)
        {
            sheet.Cell(1, 1).Value = title;
            sheet.Cell(1, 1).Style.Font.Bold = true;
            sheet.Cell(1, 1).Style.Font.FontSize = 14;
            headerRow = 2;
        }
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(headerRow, c + 1);
            cell.Value = columns[c].Heading;
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
            sheet.Column(c + 1).Width = columns[c].Width;
            if (columns[c].Format is { } format) sheet.Column(c + 1).Style.NumberFormat.Format = format;
        }
        var r = headerRow;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Length && c < columns.Count; c++) sheet.Cell(r, c + 1).Value = row[c];
        }
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, Math.Max(r, headerRow), columns.Count).SetAutoFilter();
        return sheet;
    }

    public static byte[] ToBytes(this XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
