using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Policy;

/// <summary>
/// The checks every bill passes before the calculator sees it, shared by claim submission and the trial
/// calculation. Quantities and prices are bounded so that quantity × price never overflows.
/// </summary>
public static class BillChecks
{
    public const int MaxLines = 500;
    public const decimal MaxQuantity = 100_000m;
    public const decimal MaxUnitPrice = 10_000_000m;

    public static Validation Validate(DateOnly? serviceDate, VisitType? visitType, FacilityLevel? level,
        IReadOnlyList<BillLineInput>? lines, bool includeAmountMismatches = true)
    {
        var v = new Validation()
            .Check(serviceDate is not null, "serviceDate", "就诊（出院）日期不能为空")
            .Date(serviceDate, "serviceDate", "就诊（出院）日期")
            .Check(visitType is not null, "visitType", "就诊类型不能为空（Inpatient 住院 或 Outpatient 门诊）")
            .Check(level is not null, "level", "医疗机构级别不能为空")
            .Defined(visitType, "visitType", "就诊类型").Defined(level, "level", "医疗机构级别");
        if (lines is null || lines.Count == 0) v.Add("lines", "费用明细不能为空");
        else if (lines.Count > MaxLines) v.Add("lines", $"费用明细不能超过 {MaxLines} 行");
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line is null) { v.Add($"lines[{i}]", "费用明细行不能为空"); continue; }
                if (line.Amount < 0 || !Money.IsWholeFen(line.Amount) || line.Amount > 10_000_000m)
                    v.Add($"lines[{i}].amount", "金额必须为非负数，精确到分");
                if (string.IsNullOrWhiteSpace(line.Code) && line.Status is null)
                    v.Add($"lines[{i}].code", "必须填写目录编码，或注明目录类别（Covered/PartlyCovered/Excluded）");
                v.Defined(line.Status, $"lines[{i}].status", "目录类别");
                if (line.SelfPayShare is < 0 or > 1) v.Add($"lines[{i}].selfPayShare", "先行自付比例必须在 0 到 1 之间");
                if (line.Quantity is { } q && (q <= 0 || q > MaxQuantity || decimal.Round(q, 3) != q))
                    v.Add($"lines[{i}].quantity", $"数量必须大于 0、不超过 {MaxQuantity:0}，最多三位小数");
                if (line.UnitPrice is { } p && (p < 0 || p > MaxUnitPrice || decimal.Round(p, 4) != p))
                    v.Add($"lines[{i}].unitPrice", $"单价必须为非负数、不超过 {MaxUnitPrice:0}，最多四位小数");
                v.Optional(line.Code, $"lines[{i}].code", "目录编码", 32).Optional(line.Name, $"lines[{i}].name", "项目名称", 100);
            }
        }
        if (includeAmountMismatches)
            foreach (var (field, message) in AmountMismatches(lines)) v.Add(field, message);
        return v;
    }

    /// <summary>Lines whose amount is not quantity × unit price (to the fen).</summary>
    public static IEnumerable<(string Field, string Message)> AmountMismatches(IReadOnlyList<BillLineInput>? lines) =>
        (lines ?? []).Select((line, i) => (line, i))
            .Where(x => x.line is { Quantity: { } q and > 0 and <= MaxQuantity, UnitPrice: { } p and >= 0 and <= MaxUnitPrice }
                        && Money.Round(q * p) != x.line.Amount)
            .Select(x => ($"lines[{x.i}].amount", $"第 {x.i + 1} 行金额与数量×单价不符（{x.line.Quantity}×{x.line.UnitPrice}≠{x.line.Amount:0.00}）"));
}
