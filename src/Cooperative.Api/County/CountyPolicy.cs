using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// The county's scheme for the generated year (本县年度补偿方案): the year's published policy (contributions, subsidies,
/// inpatient and outpatient rules) with what real counties had besides, in figures of the scheme's time (a 150-yuan
/// contribution and a 420-yuan subsidy are those of about 2016):
/// <list type="bullet">
/// <item>门诊慢性病 (group <c>chronic</c>): hypertension I10 and type 2 diabetes E11, 50 % within 3,000 yuan a year;
/// 特殊病种 (group <c>special</c>): uraemia on dialysis N18.5, after a kidney transplant Z94.0, aplastic anaemia D61,
/// 75 % within 60,000 yuan a year (a year of dialysis costs about that).</item>
/// <item>住院分娩 O80–O84: a fixed subsidy of 1,000 yuan at a township centre, 1,200 at a county hospital (800 outside
/// the county), or the inpatient rule when it pays more.</item>
/// <item>大病保险: run by an insurer on the eligible cost the basic fund leaves, above 12,000 yuan a year (the 2015 rule:
/// no more than the rural per-capita disposable income of the year before, 12,363 yuan nationally in 2016), 50 % to
/// 50,000, 60 % to 100,000, 70 % above, within 300,000 a year (the 2015 rule: at least 50 %, rising with the cost).</item>
/// <item>医疗救助 by civil affairs on what still remains: 低保 70 % within 20,000 yuan a year, 五保 and 特困 90 % within 40,000
/// (the 2017 rule: at least 70 % for both within the year's limit).</item>
/// </list>
/// The administrator publishes it before the autumn campaign, as <c>PUT /api/policies/{year}</c> edits a year that has not
/// begun: the same validation, version 1 edited in place, the policy cache forgotten.
/// </summary>
internal static class CountyPolicy
{
    public static PolicyDocument Of(PolicyDocument published) => published with
    {
        ChronicGroups =
        [
            new("chronic", "门诊慢性病", 0.50m, 3_000m, [new("I10", "高血压病"), new("E11", "2型糖尿病")]),
            new("special", "门诊特殊病种", 0.75m, 60_000m,
                [new("N18.5", "尿毒症（透析治疗）"), new("Z94.0", "肾移植术后抗排异治疗"), new("D61", "再生障碍性贫血")]),
        ],
        Delivery = new(["O80", "O81", "O82", "O83", "O84"],
            [
                new(FacilityLevel.Village, 0m), new(FacilityLevel.Township, 1_000m), new(FacilityLevel.Community, 1_000m),
                new(FacilityLevel.County, 1_200m), new(FacilityLevel.OutsideCounty, 800m),
            ], InpatientRuleIfMore: true),
        Catastrophic = new("中国人寿保险股份有限公司本市支公司", 12_000m,
            [new CostBand(50_000m, 0.50m), new CostBand(100_000m, 0.60m), new CostBand(null, 0.70m)], 300_000m),
        Assistance = new("市民政局",
            [
                new(nameof(PersonCategory.Dibao), 0.70m, 20_000m), new(nameof(PersonCategory.Wubao), 0.90m, 40_000m),
                new(nameof(PersonCategory.Tekun), 0.90m, 40_000m),
            ]),
    };

    /// <summary>
    /// Publishes the county's scheme for the request's year, on 15 August of the year before (county time), as the
    /// administrator. Null when done, else why not (no policy for the year, or one that cannot be edited any more).
    /// </summary>
    public static async Task<string?> PublishAsync(IServiceProvider services, IServiceProvider appServices, CountyClock clock,
        CountyRequest request, CancellationToken ct)
    {
        clock.Set(CountyClock.At(new DateOnly(request.FundYear - 1, 8, 15), 10 * 60));
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CountyActor>().Current = CountyActor.Admin(request.RunId);
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var versions = await db.FundYearPolicies.Where(p => p.FundYear == request.FundYear).ToListAsync(ct);
        if (versions.Count == 0) return $"{request.FundYear} 年度尚无补偿方案（筹资标准和补偿比例），请先发布该年度方案";
        if (versions.Count > 1 || versions[0].EffectiveFrom <= clock.Today())
            return $"{request.FundYear} 年度补偿方案已生效或已有新版本，合成县不能改写它（请使用一个空数据库）";
        var document = Of(versions[0].ToDocument());
        var validation = PolicyValidation.Validate(document);
        if (!validation.IsValid)
            return "本县补偿方案未通过校验：" + string.Join("；",
                validation.ToProblem().ProblemDetails.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key} {m}")));
        versions[0].Apply(document, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        // The generator's services and the app's each keep a policy cache: both forget the year.
        scope.ServiceProvider.GetRequiredService<PolicyCache>().Clear();
        appServices.GetRequiredService<PolicyCache>().Clear();
        return null;
    }
}
