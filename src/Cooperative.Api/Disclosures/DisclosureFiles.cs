using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Disclosures;

namespace Cooperative.Api.Disclosures;

/// <summary>
/// A month's disclosure as files: the workbook (汇总 and 明细 sheets) and the CSV of the inpatient list. Columns that came
/// with benefit kinds and payers are added after the older ones, so that a reader of the older files finds his columns where
/// they were.
/// </summary>
public static class DisclosureFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static string Title(string month) => $"新农合费用补偿公示（{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月）";

    public static string FileName(string month, string extension) => $"新农合补偿公示-{month}.{extension}";

    public static byte[] Xlsx(DisclosureContent c)
    {
        using var workbook = new XLWorkbook();
        workbook.AddTable("汇总",
        [
            new ExcelColumn("项目", 28), new ExcelColumn("补偿人数", 10), new ExcelColumn("补偿人次", 10), ExcelColumn.Money("医疗总费用（元）"),
            ExcelColumn.Money("可报费用（元）"), ExcelColumn.Money("基金补偿（元）"), ExcelColumn.Percent("补偿比例"),
            ExcelColumn.Money("大病保险（元）"), ExcelColumn.Money("医疗救助（元）"), ExcelColumn.Money("个人自付（元）"),
        ], SummaryRows(c), Title(c.Month) + " 汇总");
        workbook.AddTable("住院补偿明细",
        [
            new ExcelColumn("序号", 8), new ExcelColumn("姓名", 10), new ExcelColumn("性别", 6), new ExcelColumn("年龄", 6),
            new ExcelColumn("村", 22), new ExcelColumn("医疗机构", 24), new ExcelColumn("机构级别", 14), new ExcelColumn("入院日期", 12),
            new ExcelColumn("出院日期", 12), ExcelColumn.Money("医疗总费用（元）"), ExcelColumn.Money("可报费用（元）"), ExcelColumn.Money("补偿金额（元）"),
            new ExcelColumn("补偿类别", 12), ExcelColumn.Money("大病保险（元）"), ExcelColumn.Money("医疗救助（元）"),
        ], c.Inpatients.Select(r => new object?[]
        {
            r.Row, r.MaskedName, r.Gender, r.Age, r.Village, r.Facility, r.FacilityLevel, r.AdmissionDate, r.DischargeDate, r.TotalCost,
            r.Eligible, r.Reimbursement, r.BenefitName, r.CatastrophicPaid, r.AssistancePaid,
        }), Title(c.Month) + " 住院补偿明细");
        workbook.AddTable("门诊按村汇总",
        [
            new ExcelColumn("村", 24), new ExcelColumn("补偿人数", 10), new ExcelColumn("补偿人次", 10), ExcelColumn.Money("医疗总费用（元）"),
            ExcelColumn.Money("基金补偿（元）"),
        ], c.OutpatientByVillage.Select(r => new object?[] { r.Village, r.Persons, r.Visits, r.TotalCost, r.FundPaid }), Title(c.Month) + " 门诊按村汇总");
        workbook.AddTable("门诊按机构汇总",
        [
            new ExcelColumn("医疗机构", 26), new ExcelColumn("机构级别", 14), new ExcelColumn("补偿人数", 10), new ExcelColumn("补偿人次", 10),
            ExcelColumn.Money("医疗总费用（元）"), ExcelColumn.Money("基金补偿（元）"),
        ], c.OutpatientByFacility.Select(r => new object?[] { r.Facility, r.FacilityLevel, r.Persons, r.Visits, r.TotalCost, r.FundPaid }),
            Title(c.Month) + " 门诊按机构汇总");
        workbook.AddTable("更正",
        [
            new ExcelColumn("姓名", 10), new ExcelColumn("村", 22), new ExcelColumn("医疗机构", 24), new ExcelColumn("补偿类别", 20),
            new ExcelColumn("原公示月份", 12), new ExcelColumn("原公示序号", 12), new ExcelColumn("冲销日期", 12),
            ExcelColumn.Money("医疗总费用（元）"), ExcelColumn.Money("补偿金额（元）"), ExcelColumn.Money("大病保险（元）"),
            ExcelColumn.Money("医疗救助（元）"),
        ], c.Corrections.Select(r => new object?[]
        {
            r.MaskedName, r.Village, r.Facility, r.VisitType, r.OriginalMonth, r.OriginalRow, r.ReversedOn, r.TotalCost, r.Reimbursement,
            r.CatastrophicPaid, r.AssistancePaid,
        }), Title(c.Month) + " 更正（以前月份已公示补偿的冲销）");
        workbook.AddTable("基金收支",
            [new ExcelColumn("项目", 20), ExcelColumn.Money("金额（元）", 20)],
            [["本月基金收入", c.Fund.Income], ["本月基金支出", c.Fund.Expenditure], ["月末基金结余", c.Fund.Balance]],
            Title(c.Month) + " 基金收支");
        workbook.AddTable("审计链检查点", [new ExcelColumn("项目", 20), new ExcelColumn("内容", 70)], CheckpointRows(c.AuditCheckpoint),
            Title(c.Month) + " 审计链检查点（编制公示时库外签名的审计链头）");
        return workbook.ToBytes();
    }

    /// <summary>
    /// The 汇总 sheet: the month, its settings and levels as before, then a line per benefit kind, the corrections and the net.
    /// The other payers' and the patients' columns are filled where the content has them (a month published before the payers
    /// had none, and its patients paid what the fund did not).
    /// </summary>
    private static List<object?[]> SummaryRows(DisclosureContent c)
    {
        var s = c.Summary;
        object?[] Line(string label, int? persons, int visits, decimal total, decimal? eligible, decimal paid,
            decimal? catastrophic = null, decimal? assistance = null, decimal? patient = null) =>
            [label, persons, visits, total, eligible, paid, DisclosureBuilder.Ratio(paid, total), catastrophic, assistance, patient];
        var rows = new List<object?[]>
        {
            Line("合计", s.Persons, s.Visits, s.TotalCost, s.Eligible, s.FundPaid, s.CatastrophicPaid, s.AssistancePaid,
                s.PatientPaid ?? s.TotalCost - s.FundPaid - s.CatastrophicPaid - s.AssistancePaid),
            Line("其中：住院", null, s.InpatientVisits, c.Inpatients.Sum(r => r.TotalCost), null, s.InpatientFundPaid,
                c.Inpatients.Sum(r => r.CatastrophicPaid), c.Inpatients.Sum(r => r.AssistancePaid)),
            Line("其中：门诊", null, s.OutpatientVisits, c.OutpatientByVillage.Sum(r => r.TotalCost), null, s.OutpatientFundPaid),
        };
        rows.AddRange(s.ByLevel.Select(l => Line($"按级别：{l.LevelName}", l.Persons, l.Visits, l.TotalCost, null, l.FundPaid)));
        rows.AddRange(s.ByBenefit.Select(b => Line($"按补偿类别：{b.BenefitName}", b.Persons, b.Visits, b.TotalCost, null, b.FundPaid,
            b.CatastrophicPaid, b.AssistancePaid, b.TotalCost - b.FundPaid - b.CatastrophicPaid - b.AssistancePaid)));
        rows.Add(["更正（冲减以前月份）", null, s.Corrections, c.Corrections.Sum(r => r.TotalCost), null, s.CorrectionsFundPaid, null,
            c.Corrections.Sum(r => r.CatastrophicPaid), c.Corrections.Sum(r => r.AssistancePaid), null]);
        rows.Add(["本月基金净支付", null, null, null, null, s.NetFundPaid, null, null, null, null]);
        return rows;
    }

    private static object?[][] CheckpointRows(AuditCheckpointFigure? checkpoint) => checkpoint is { } k
        ?
        [
            ["记录序号", k.Seq], ["哈希", k.Hash], ["签名时间（UTC）", k.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)],
            ["签名密钥", k.KeyId ?? "无"], ["签名", k.Mac], ["编制时与库内记录", k.MatchesChain ? "相符" : "不符"],
        ]
        : [["检查点", "编制时尚无库外检查点"]];

    /// <summary>The inpatient list as CSV (UTF-8 with BOM, so that Excel reads the Chinese), one reimbursement per line.</summary>
    public static byte[] Csv(DisclosureContent c)
    {
        var text = new StringBuilder();
        text.AppendLine("序号,姓名,性别,年龄,村,医疗机构,机构级别,入院日期,出院日期,医疗总费用,可报费用,补偿金额,补偿类别,大病保险,医疗救助");
        foreach (var r in c.Inpatients)
        {
            text.AppendJoin(',', r.Row.ToString(CultureInfo.InvariantCulture), Field(r.MaskedName), Field(r.Gender),
                r.Age.ToString(CultureInfo.InvariantCulture), Field(r.Village), Field(r.Facility), Field(r.FacilityLevel),
                r.AdmissionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DischargeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Amount(r.TotalCost), Amount(r.Eligible), Amount(r.Reimbursement), Field(r.BenefitName), Amount(r.CatastrophicPaid),
                Amount(r.AssistancePaid));
            text.AppendLine();
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Quoted where needed; text that a spreadsheet would run as a formula is defused with a leading apostrophe.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return TextDigests.CsvField(value);
    }
}
