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
    public static IEndpointRouteBuilder MapTrialApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/policies/trial", Calculate).WithTags("Policy").RequireAuthorization(Policies.Calculators);
        return routes;
    }

    private static async Task<Results<Ok<TrialResponse>, ValidationProblem, ProblemHttpResult>> Calculate(TrialRequest request,
        IPolicyStore policies, Catalogue catalogue, CancellationToken ct)
    {
        var validation = BillChecks.Validate(request.ServiceDate, request.VisitType, request.Level, request.Lines);
        if (request.PriorUse is { } prior)
            validation.Check(prior.InpatientPaid is >= 0 and <= PolicyValidation.MaxAmount && prior.OutpatientPaid is >= 0 and <= PolicyValidation.MaxAmount
                             && Money.IsWholeFen(prior.InpatientPaid) && Money.IsWholeFen(prior.OutpatientPaid), "priorUse",
                "已报销金额必须为非负金额，精确到分");
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
}
