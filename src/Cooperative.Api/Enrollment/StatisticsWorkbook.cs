using ClosedXML.Excel;

namespace Cooperative.Api.Enrollment;

/// <summary>The coverage statistics as an .xlsx workbook for the county's reports (Chinese headings).</summary>
internal static class StatisticsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headings = ["乡镇代码", "乡镇名称", "农业人口", "参合人数", "参合率"];

    public static byte[] Build(CoverageStatistics statistics)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add($"{statistics.FundYear}年度参合统计");
        for (var c = 0; c < Headings.Length; c++) sheet.Cell(1, c + 1).Value = Headings[c];
        sheet.Row(1).Style.Font.Bold = true;

        var row = 2;
        foreach (var t in statistics.Townships)
        {
            sheet.Cell(row, 1).SetValue(t.Code);
            sheet.Cell(row, 2).SetValue(t.Name);
            sheet.Cell(row, 3).SetValue(t.RuralPopulation);
            sheet.Cell(row, 4).SetValue(t.Enrolled);
            sheet.Cell(row, 5).SetValue(t.Rate);
            row++;
        }
        var county = statistics.County;
        sheet.Cell(row, 1).SetValue("全市合计");
        sheet.Cell(row, 3).SetValue(county.RuralPopulation);
        sheet.Cell(row, 4).SetValue(county.Enrolled);
        sheet.Cell(row, 5).SetValue(county.Rate);
        sheet.Row(row).Style.Font.Bold = true;

        sheet.Range(2, 3, row, 4).Style.NumberFormat.Format = "#,##0";
        sheet.Range(2, 5, row, 5).Style.NumberFormat.Format = "0.00%";
        sheet.Range(1, 1, row - 1, Headings.Length).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        // Explicit widths: AdjustToContents needs fonts that Linux servers lack.
        double[] widths = [14, 14, 12, 12, 10];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
