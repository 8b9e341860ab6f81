using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Policy;

public sealed record PriorUseInput(decimal InpatientPaid, decimal OutpatientPaid);

public sealed record TrialRequest(DateOnly? ServiceDate, VisitType? VisitType, FacilityLevel? Level, bool Referred,
    IReadOnlyList<BillLineInput>? Lines, PriorUseInput? PriorUse);

public sealed record TrialResponse(int FundYear, int PolicyVersion, Settlement Settlement);

/// <summary>
/// 试算: what the fund would pay for a bill under the policy in force on the service date, before anything
/// is submitted. Window staff, reviewers, administrators and facilities may ask; nothing is stored.
/// </summary>
public static class TrialApi
{
    public const int MaxLines = 500;

    public static IEndpointRouteBuilder MapTrialApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/policies/trial", Calculate).WithTags("Policy").RequireAuthorization(Policies.Calculators);
        return routes;
    }

    private static async Task<Results<Ok<TrialResponse>, ValidationProblem, ProblemHttpResult>> Calculate(TrialRequest request,
        IPolicyStore policies, Catalogue catalogue, CancellationToken ct)
    {
        var validation = ValidateBill(request.ServiceDate, request.VisitType, request.Level, request.Lines);
        if (request.PriorUse is { } prior)
            validation.Check(prior.InpatientPaid >= 0 && prior.OutpatientPaid >= 0 && Money.IsWholeFen(prior.InpatientPaid)
                             && Money.IsWholeFen(prior.OutpatientPaid), "priorUse", "已报销金额必须为非负金额，精确到分");
        if (!validation.IsValid) return validation.ToProblem();

        var date = request.ServiceDate!.Value;
        var policy = await policies.InForceAsync(date.Year, date, ct);
        if (policy is null) return Problems.NotFound("policy_not_found", $"{date.Year} 年度尚无补偿方案");
        var resolved = await catalogue.ResolveAsync(request.Lines!, ct);
        if (resolved.UnknownCodes.Count > 0)
            return Problems.Unprocessable("catalogue_code_unknown", "费用明细中有目录中不存在的项目编码",
                $"未知编码：{string.Join("、", resolved.UnknownCodes)}");

        var settlement = ReimbursementCalculator.Calculate(new CalculationInput(policy.Rules, request.Level!.Value,
            request.VisitType!.Value, request.Referred, resolved.Lines,
            new PriorUse(request.PriorUse?.InpatientPaid ?? 0m, request.PriorUse?.OutpatientPaid ?? 0m)));
        return TypedResults.Ok(new TrialResponse(policy.FundYear, policy.Version, settlement));
    }

    /// <summary>The checks every bill passes before the calculator sees it (shared with claim submission).</summary>
    public static Validation ValidateBill(DateOnly? serviceDate, VisitType? visitType, FacilityLevel? level,
        IReadOnlyList<BillLineInput>? lines, bool includeAmountMismatches = true)
    {
        var v = new Validation()
            .Check(serviceDate is not null, "serviceDate", "就诊（出院）日期不能为空")
            .Check(visitType is not null, "visitType", "就诊类型不能为空（Inpatient 住院 或 Outpatient 门诊）")
            .Check(level is not null, "level", "医疗机构级别不能为空");
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
                if (line.SelfPayShare is < 0 or > 1) v.Add($"lines[{i}].selfPayShare", "先行自付比例必须在 0 到 1 之间");
            }
        }
        if (includeAmountMismatches)
            foreach (var (field, message) in AmountMismatches(lines)) v.Add(field, message);
        return v;
    }

    /// <summary>Lines whose amount is not quantity × unit price (to the fen).</summary>
    public static IEnumerable<(string Field, string Message)> AmountMismatches(IReadOnlyList<BillLineInput>? lines) =>
        (lines ?? []).Select((line, i) => (line, i))
            .Where(x => x.line is { Quantity: { } q, UnitPrice: { } p } && Money.Round(q * p) != x.line.Amount)
            .Select(x => ($"lines[{x.i}].amount", $"第 {x.i + 1} 行金额与数量×单价不符（{x.line.Quantity}×{x.line.UnitPrice}≠{x.line.Amount:0.00}）"));
}
