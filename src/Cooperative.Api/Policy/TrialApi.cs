using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Policy;

/// <param name="Usage">Other pots used this year (chronic:GROUP, catastrophic_base, catastrophic, assistance), as the person's record shows them.</param>
public sealed record PriorUseInput(decimal InpatientPaid, decimal OutpatientPaid, IReadOnlyDictionary<string, decimal>? Usage = null);

/// <param name="Referred">Whether the referral counts (a filing in force, which a real claim is checked against).</param>
/// <param name="DiagnosisCode">ICD-10: decides a delivery, or a chronic disease with <paramref name="CertifiedDiseases"/>.</param>
/// <param name="CertifiedDiseases">Diseases certified for the person (codes of the year's list).</param>
/// <param name="AssistanceCategory">The person's assisted category (Dibao, Wubao, Tekun...), for medical assistance.</param>
public sealed record TrialRequest(DateOnly? ServiceDate, VisitType? VisitType, FacilityLevel? Level, bool Referred,
    IReadOnlyList<BillLineInput>? Lines, PriorUseInput? PriorUse, string? DiagnosisCode = null,
    IReadOnlyList<string>? CertifiedDiseases = null, string? AssistanceCategory = null);

public sealed record TrialResponse(int FundYear, int PolicyVersion, Settlement Settlement);

/// <summary>
/// 试算: what the fund would pay for a bill under the policy in force on the service date, before anything
/// is submitted. Window staff, reviewers, administrators and facilities may ask; nothing is stored.
/// </summary>
public static class TrialApi
{
    public static IEndpointRouteBuilder MapTrialApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/policies/trial", Calculate).WithTags("Policy").RequireAuthorization(Policies.Calculators)
            .WithSummary("Trial calculation of a bill (试算)")
            .WithDescription("What the fund, catastrophic insurance and assistance would pay for a bill under the "
                + "policy in force on the service date, given what the person has used this year, before"
                + " anything is submitted. Nothing is stored.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "policy_not_found")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "catalogue_code_unknown")
            .WithName("CalculateTrial");
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
        if (request.PriorUse?.Usage is { } usage)
            validation.Check(usage.Count <= 50 && usage.All(u => UsagePots.IsKnown(u.Key) && u.Key.Length <= 40 && u.Value is >= 0 and <= PolicyValidation.MaxAmount
                                                   && Money.IsWholeFen(u.Value)), "priorUse.usage",
                "累计使用的键应为 inpatient、outpatient、chronic:病种组、catastrophic_base、catastrophic、assistance，金额为非负金额，精确到分");
        validation.Optional(request.DiagnosisCode, "diagnosisCode", "诊断编码", 16)
            .Optional(request.AssistanceCategory, "assistanceCategory", "救助对象类别", 32)
            .Check(request.CertifiedDiseases is null || (request.CertifiedDiseases.Count <= 20 && request.CertifiedDiseases.All(c => c is { Length: > 0 and <= 16 })),
                "certifiedDiseases", "已认定病种最多20个，每个为 ICD-10 编码");
        if (!validation.IsValid) return validation.ToProblem();

        var date = request.ServiceDate!.Value;
        var policy = await policies.InForceAsync(date.Year, date, ct);
        if (policy is null) return Problems.NotFound("policy_not_found", $"{date.Year} 年度尚无补偿方案");
        var resolved = await catalogue.ResolveAsync(request.Lines!, ct);
        if (resolved.UnknownCodes.Count > 0)
            return Problems.Unprocessable("catalogue_code_unknown", "费用明细中有目录中不存在的项目编码",
                $"未知编码：{string.Join("、", resolved.UnknownCodes)}");

        var used = new Dictionary<string, decimal>(request.PriorUse?.Usage ?? new Dictionary<string, decimal>(), StringComparer.Ordinal)
        {
            [UsagePots.Inpatient] = request.PriorUse?.InpatientPaid ?? 0m,
            [UsagePots.Outpatient] = request.PriorUse?.OutpatientPaid ?? 0m,
        };
        var settlement = ReimbursementCalculator.Calculate(new CalculationInput(policy.Rules, request.Level!.Value,
            request.VisitType!.Value, request.Referred, resolved.Lines, new PriorUse(used))
        {
            DiagnosisCode = request.DiagnosisCode?.Trim().ToUpperInvariant(),
            CertifiedDiseases = (request.CertifiedDiseases ?? []).Select(c => c.Trim().ToUpperInvariant()).ToList(),
            AssistanceCategory = request.AssistanceCategory?.Trim(),
        });
        return TypedResults.Ok(new TrialResponse(policy.FundYear, policy.Version, settlement));
    }
}
