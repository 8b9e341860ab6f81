using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Facilities;

/// <summary>What an applicant facility declares and shows for admission (定点准入申请).</summary>
public sealed record AdmissionApplication(
    FacilityLevel Level,
    string LicenceNumber,
    DateOnly LicenceValidUntil,
    int LicensedDoctors,
    DateOnly OpenedOn,
    bool HasSettlementAccount,
    bool HasInformationSystem,
    bool PublishesPrices,
    bool NoSeriousViolations);

/// <summary>A published admission condition (准入条件): a stable code and its wording.</summary>
public sealed record AdmissionCondition(string Code, string Description);

/// <summary>One condition checked for one application; <see cref="Detail"/> says what was found when unmet.</summary>
public sealed record ConditionOutcome(string Code, string Description, bool Met, string? Detail);

/// <summary>The decision on an application: admitted only when every condition is met.</summary>
public sealed record AdmissionDecision(IReadOnlyList<ConditionOutcome> Conditions)
{
    public bool Admitted => Conditions.All(c => c.Met);
}

/// <summary>
/// The published conditions for designation (定点医疗机构准入条件). Ownership is deliberately not one of
/// them: public, collective and private facilities compete on equal terms.
/// </summary>
public static class AdmissionConditions
{
    public static readonly AdmissionCondition Licence = new("licence_valid", "持有有效的《医疗机构执业许可证》");
    public static readonly AdmissionCondition InCounty = new("level_in_county", "属本市的村卫生室、乡镇卫生院、社区卫生服务中心或县级医院");
    public static readonly AdmissionCondition Staffing = new("doctors_sufficient",
        "执业（助理）医师人数达到本级别最低要求：村卫生室1名、社区卫生服务中心3名、乡镇卫生院5名、县级医院20名");
    public static readonly AdmissionCondition OneYear = new("operating_one_year", "依法执业满一年");
    public static readonly AdmissionCondition Account = new("settlement_account", "开设用于新农合基金结算的银行账户");
    public static readonly AdmissionCondition InformationSystem = new("information_system", "具备按规定上传诊疗费用数据的信息系统");
    public static readonly AdmissionCondition Prices = new("price_disclosure", "执行物价政策并公示收费项目和标准");
    public static readonly AdmissionCondition Record = new("no_serious_violation", "近一年内无重大医疗事故和违法违规行为");

    public static IReadOnlyList<AdmissionCondition> Published { get; } =
        [Licence, InCounty, Staffing, OneYear, Account, InformationSystem, Prices, Record];

    /// <summary>The fewest licensed doctors a facility of the level must have.</summary>
    public static int MinimumDoctors(FacilityLevel level) => level switch
    {
        FacilityLevel.Village => 1,
        FacilityLevel.Community => 3,
        FacilityLevel.Township => 5,
        FacilityLevel.County => 20,
        _ => int.MaxValue,
    };

    public static AdmissionDecision Evaluate(AdmissionApplication a, DateOnly decidedOn)
    {
        var minimum = MinimumDoctors(a.Level);
        return new AdmissionDecision(
        [
            Check(Licence, LicenceNumber.IsWellFormed(a.LicenceNumber) && a.LicenceValidUntil >= decidedOn,
                LicenceNumber.IsWellFormed(a.LicenceNumber)
                    ? $"执业许可证有效期至 {a.LicenceValidUntil:yyyy-MM-dd}，已过期" : "执业许可证登记号格式不正确"),
            Check(InCounty, a.Level != FacilityLevel.OutsideCounty, "县外医疗机构不纳入本市定点"),
            Check(Staffing, a.LicensedDoctors >= minimum, $"执业（助理）医师{a.LicensedDoctors}名，少于{minimum}名"),
            Check(OneYear, a.OpenedOn.AddYears(1) <= decidedOn, $"{a.OpenedOn:yyyy-MM-dd}开业，执业未满一年"),
            Check(Account, a.HasSettlementAccount, "未登记结算银行账户"),
            Check(InformationSystem, a.HasInformationSystem, "不具备费用数据上传系统"),
            Check(Prices, a.PublishesPrices, "未公示收费项目和标准"),
            Check(Record, a.NoSeriousViolations, "近一年内有重大医疗事故或违法违规行为"),
        ]);
    }

    private static ConditionOutcome Check(AdmissionCondition condition, bool met, string detailWhenUnmet) =>
        new(condition.Code, condition.Description, met, met ? null : detailWhenUnmet);
}
