namespace Cooperative.Domain.Reimbursement;

/// <summary>The county's default reimbursement policy (默认补偿方案), the starting point of each fund year.</summary>
public static class DefaultPolicy
{
    /// <summary>
    /// Inpatient: village, township and community 起付线 100 then 85 %; county 400 then 70 % up to 5,000 and
    /// 80 % above; outside the county 1,000 then 55 % up to 10,000 and 65 % above, 10 points less without
    /// referral; annual cap 150,000. Outpatient: 60 % at village, township and community, 30 per visit,
    /// 300 per person per year; not covered at county level or outside the county.
    /// </summary>
    public static PolicyRules Rules { get; } = new(
        InpatientAnnualCap: 150_000m,
        NoReferralReduction: 0.10m,
        Inpatient:
        [
            new InpatientRule(FacilityLevel.Village, 100m, [new CostBand(null, 0.85m)]),
            new InpatientRule(FacilityLevel.Township, 100m, [new CostBand(null, 0.85m)]),
            new InpatientRule(FacilityLevel.Community, 100m, [new CostBand(null, 0.85m)]),
            new InpatientRule(FacilityLevel.County, 400m, [new CostBand(5_000m, 0.70m), new CostBand(null, 0.80m)]),
            new InpatientRule(FacilityLevel.OutsideCounty, 1_000m,
                [new CostBand(10_000m, 0.55m), new CostBand(null, 0.65m)]),
        ],
        Outpatient:
        [
            new OutpatientRule(FacilityLevel.Village, 0.60m, 30m, 300m),
            new OutpatientRule(FacilityLevel.Township, 0.60m, 30m, 300m),
            new OutpatientRule(FacilityLevel.Community, 0.60m, 30m, 300m),
            new OutpatientRule(FacilityLevel.County, 0m, 0m, 0m),
            new OutpatientRule(FacilityLevel.OutsideCounty, 0m, 0m, 0m),
        ]);
}
