using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ClosedXML.Excel;
using Cooperative.Api.Geography;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Claims;

/// <summary>
/// The settlement statement (新农合补偿结算单) of a claim, step by step: excluded items, deductible, each band
/// and ratio, cap used and remaining, what the fund pays and what the patient pays. Printed from HTML or Excel.
/// </summary>
internal static class ClaimStatement
{
    public static IReadOnlyList<(string Label, string Value)> Header(ClaimResponse c) =>
    [
        ("报销单号", c.Number), ("患者姓名", c.PatientName), ("身份证号", c.IdNumber),
        ("就诊机构", $"{c.FacilityName}（{FacilityLevelNames.Chinese(c.FacilityLevel)}）"),
        ("就诊类型", c.VisitType switch { VisitType.Inpatient => "住院", VisitType.Outpatient => "门诊" }),
        ("补偿类别", c.BenefitGroup is { } g && c.Settlement?.BenefitGroupName is { } gn ? $"{c.BenefitText}（{gn}，{g}）" : c.BenefitText),
        ("入院日期", c.AdmissionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("出院日期", c.DischargeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("诊断编码", c.DiagnosisCode), ("是否转诊", !c.Referred ? "否" : c.ReferralFiling is { } f ? $"是（转诊备案 {f}）" : "申报转诊"), ("发票号", c.InvoiceNumber),
        ("状态", c.StatusText), ("补偿方案版本", c.PolicyVersion is { } v ? $"{c.FundYear} 年度第 {v} 版" : "尚未结算"),
        .. (c.Recovery is { } r ? new[] { ("追回款项", r.Text) } : []),
    ];

    /// <summary>
    /// The calculation, step by step: the basic fund under the claim's kind, then each other payer, then what the
    /// patient pays. Notes (a referral not filed, a disease not certified) are steps without an amount.
    /// </summary>
    public static IReadOnlyList<(string Step, decimal? Amount)> Steps(Settlement s)
    {
        var steps = new List<(string, decimal?)>
        {
            ("费用总额", s.Total), ("减：目录外（自费）费用", s.Excluded), ("减：乙类先行自付", s.PartlySelfPaid),
            ("可报销费用", s.Eligible),
        };
        steps.AddRange(s.Notes.Select(n => ($"说明：{n}", (decimal?)null)));
        steps.Add(($"一、基本医疗基金（{BenefitKinds.Chinese(s.Benefit)}{(s.BenefitGroupName is { } g ? "：" + g : "")}）", null));
        if (s.DeliverySubsidy is { } subsidy)
        {
            steps.Add(("住院分娩定额补助（不超过可报销费用）", subsidy));
            if (s.InpatientRuleAmount is { } inpatient) steps.Add(("按住院补偿规则计算（取两者较高者）", inpatient));
        }
        if (s.DeductibleApplied > 0 || s.Benefit == BenefitKind.Inpatient) steps.Add(("减：起付线", s.DeductibleApplied));
        steps.AddRange(s.Bands.Select(b => (Band(b), (decimal?)b.Payable)));
        if (s.RatioReduction > 0) steps.Add(($"未转诊，报销比例降低 {s.RatioReduction:P0}", null));
        steps.Add(("按比例计算补偿", s.BeforeCaps));
        if (s.PerVisitCapApplied > 0) steps.Add(("减：超过每次封顶部分", s.PerVisitCapApplied));
        steps.Add(("年度封顶线", s.AnnualCap));
        steps.Add(("本次结算前年度剩余额度", s.CapRemainingBefore));
        if (s.CapCut > 0) steps.Add(("减：超过年度封顶部分", s.CapCut));
        steps.Add(("基金支付（补偿金额）", s.Reimbursement));
        steps.Add(("本次结算后年度剩余额度", s.CapRemainingAfter));
        var number = 2;
        foreach (var p in s.Payers)
        {
            steps.Add(($"{Ordinal(number++)}、{p.Name}", null));
            switch (p.Payer)
            {
                case Payer.Catastrophic:
                    steps.Add(("本次合规自付费用（可报销费用减基金支付）", p.Base));
                    steps.Add(("本年度此前累计合规自付费用", p.AccumulatedBefore));
                    steps.Add(("大病保险起付线", p.Threshold));
                    break;
                case Payer.Assistance:
                    steps.Add(($"救助对象类别：{CategoryName(p.Category)}；剩余合规费用", p.Base));
                    break;
            }
            steps.AddRange(p.Bands.Select(b => (Band(b), (decimal?)b.Payable)));
            steps.Add(("按比例计算", p.BeforeCap));
            steps.Add(("年度封顶线", p.AnnualCap));
            steps.Add(("本次结算前年度剩余额度", p.CapRemainingBefore));
            if (p.CapCut > 0) steps.Add(("减：超过年度封顶部分", p.CapCut));
            steps.Add(($"{p.Name}支付", p.Amount));
        }
        if (s.Payers.Count > 0) steps.Add(("合计支付（各项之和）", s.Payout));
        steps.Add(("个人自付", s.PatientShare));
        return steps;
    }

    private static string Band(BandShare b) =>
        $"分段 {b.From:0.00}–{(b.To is { } to ? to.ToString("0.00", CultureInfo.InvariantCulture) : "以上")}：{b.Amount:0.00} × {b.Ratio:P0}";

    private static string Ordinal(int n) => n switch { 2 => "二", 3 => "三", 4 => "四", _ => n.ToString(CultureInfo.InvariantCulture) };

    private static string CategoryName(string? category) =>
        Vocabulary.TryParse(category, out Domain.Enrollment.PersonCategory c) ? Vocabulary.Label(c) : category ?? "";

    /// <summary>The statement's title: the county's own (<c>County:Name</c>).</summary>
    private static string Title(string county) => $"{county}新型农村合作医疗补偿结算单";

    public static string Html(ClaimResponse c, string county)
    {
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>新农合补偿结算单 ").Append(e.Encode(c.Number))
          .Append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:1em}")
          .Append("td,th{border:1px solid #333;padding:4px 8px}td.n{text-align:right}@media print{button{display:none}}</style></head><body>")
          .Append("<h1>").Append(e.Encode(Title(county))).Append("</h1><table>");
        foreach (var (label, value) in Header(c)) sb.Append("<tr><th>").Append(e.Encode(label)).Append("</th><td>").Append(e.Encode(value)).Append("</td></tr>");
        sb.Append("</table><h2>费用明细</h2><table><tr><th>序号</th><th>项目编码</th><th>项目名称</th><th>数量</th><th>单价</th><th>金额</th><th>类别</th></tr>");
        foreach (var l in c.Lines)
            sb.Append("<tr><td>").Append(l.LineNo).Append("</td><td>").Append(e.Encode(l.Code)).Append("</td><td>").Append(e.Encode(l.Name))
              .Append("</td><td class=\"n\">").Append(l.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td><td class=\"n\">")
              .Append(l.UnitPrice?.ToString("0.00", CultureInfo.InvariantCulture) ?? "").Append("</td><td class=\"n\">")
              .Append(l.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>").Append(e.Encode(Chinese(l.CatalogueStatus))).Append("</td></tr>");
        sb.Append("</table><h2>计算过程</h2><table>");
        if (c.Settlement is { } s)
            foreach (var (step, amount) in Steps(s))
                sb.Append("<tr><td>").Append(e.Encode(step)).Append("</td><td class=\"n\">").Append(amount?.ToString("#,##0.00", CultureInfo.InvariantCulture) ?? "").Append("</td></tr>");
        else sb.Append("<tr><td>").Append(e.Encode(c.Notice ?? "尚未结算")).Append("</td></tr>");
        sb.Append("</table><p>经办人签字：__________　　领款人签字：__________</p></body></html>");
        return sb.ToString();
    }

    public static byte[] Xlsx(ClaimResponse c, string county)
    {
        using var workbook = new XLWorkbook();
        workbook.AddTable("结算单", new ExcelColumn[] { new("项目", 30), new("内容", 40) }, Header(c).Select(h => new object?[] { h.Label, h.Value }),
            Title(county));
        workbook.AddTable("费用明细", [new("序号", 8), new("项目编码", 12), new("项目名称", 28), new("数量", 10), ExcelColumn.Money("单价"),
                ExcelColumn.Money("金额"), new("类别", 12)],
            c.Lines.Select(l => new object?[] { l.LineNo, l.Code, l.Name, l.Quantity, l.UnitPrice, l.Amount, Chinese(l.CatalogueStatus) }));
        if (c.Settlement is { } s)
            workbook.AddTable("计算过程", [new("计算步骤", 48), ExcelColumn.Money("金额", 18)], Steps(s).Select(x => new object?[] { x.Step, x.Amount }));
        return workbook.ToBytes();
    }

    private static string Chinese(CatalogueStatus s) => Vocabulary.Label(s);
}

internal static class ClaimStatementApi
{
    private const string StatementPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void MapClaimStatements(this RouteGroupBuilder group)
    {
        group.MapGet("/{number}/statement.html", async (string number, System.Security.Claims.ClaimsPrincipal user,
            Data.CooperativeDbContext db, IOptions<CountyOptions> county, HttpContext http, CancellationToken ct) =>
        {
            // Its own stylesheet is inline and it has no script at all: a policy of its own, stricter than the pages'.
            http.Response.Headers.ContentSecurityPolicy = StatementPolicy;
            var claim = await db.FindVisibleAsync(number, user, ct);
            return claim is null ? (IResult)Problems.NotFound(ClaimErrors.NotFound, "报销单不存在")
                : Results.Content(ClaimStatement.Html(ClaimResponse.From(claim, user.IsStaff()), county.Value.Name),
                    "text/html; charset=utf-8");
        }).RequireAuthorization(Auth.Policies.ClaimReaders)
            .WithSummary("A claim's settlement statement to print (结算单, HTML)")
            .WithDescription("The settlement statement of a claim as a printable HTML page for the patient. A "
                + "facility reads only its own claims.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .WithName("GetClaimStatementHtml");
        group.MapGet("/{number}/statement.xlsx", async (string number, System.Security.Claims.ClaimsPrincipal user,
            Data.CooperativeDbContext db, IOptions<CountyOptions> county, CancellationToken ct) =>
        {
            var claim = await db.FindVisibleAsync(number, user, ct);
            return claim is null ? (IResult)Problems.NotFound(ClaimErrors.NotFound, "报销单不存在")
                : Results.File(ClaimStatement.Xlsx(ClaimResponse.From(claim, user.IsStaff()), county.Value.Name),
                    Xlsx.ContentType, $"{number}.xlsx");
        }).RequireAuthorization(Auth.Policies.ClaimReaders)
            .WithSummary("A claim's settlement statement (结算单, Excel)")
            .WithDescription("The settlement statement of a claim as an Excel workbook. A facility reads only its "
                + "own claims.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ClaimErrors.NotFound)
            .WithName("GetClaimStatementXlsx");
    }
}
