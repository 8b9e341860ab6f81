namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// The kind of benefit a claim is paid under (补偿类别). A claim's <see cref="VisitType"/> is where the care was
/// given; its kind is decided at settlement from the year's policy and the person's registers (a certified chronic
/// disease, a delivery diagnosis). Adding a kind: a member here, its row in <see cref="BenefitKinds"/>, its rule in
/// the calculator; every switch over kinds is exhaustive, so the compiler names each place that must decide.
/// </summary>
public enum BenefitKind
{
    /// <summary>住院: deductible and ratio bands by level, within the inpatient annual cap.</summary>
    [Label("住院")]
    Inpatient,

    /// <summary>普通门诊: a ratio with caps per visit and per year, by level.</summary>
    [Label("普通门诊")]
    Outpatient,

    /// <summary>门诊慢性病 / 特殊病种: outpatient care of a certified disease, under its group's ratio and yearly cap.</summary>
    [Label("门诊慢性病/特殊病种", Code = "chronic")]
    ChronicDisease,

    /// <summary>住院分娩: a fixed subsidy per delivery by level, or the inpatient rule if it pays more.</summary>
    [Label("住院分娩")]
    Delivery,
}

/// <summary>What the books and the public need of a kind: its stable code, Chinese name, setting and expense account.</summary>
/// <param name="Code">Stable code on the wire and in usage keys (<c>inpatient</c>, <c>chronic</c>...).</param>
/// <param name="ExpenseAccount">Parent expense account; each facility level has its sub-account (5003.02...).</param>
public sealed record BenefitKindInfo(BenefitKind Kind, VisitType Setting, string ExpenseAccount)
{
    public string Code => Vocabulary.Code(Kind);

    public string ChineseName => Vocabulary.Label(Kind);
}

/// <summary>The kinds as data.</summary>
public static class BenefitKinds
{
    public static IReadOnlyList<BenefitKindInfo> All { get; } = Enum.GetValues<BenefitKind>().Select(Of).ToList();

    public static BenefitKindInfo Of(BenefitKind kind) => kind switch
    {
        BenefitKind.Inpatient => new(kind, VisitType.Inpatient, "5001"),
        BenefitKind.Outpatient => new(kind, VisitType.Outpatient, "5002"),
        BenefitKind.ChronicDisease => new(kind, VisitType.Outpatient, "5003"),
        BenefitKind.Delivery => new(kind, VisitType.Inpatient, "5004"),
    };

    /// <summary>The kind of a claim settled before kinds existed, or of a visit no special rule applies to.</summary>
    public static BenefitKind General(VisitType visit) => visit switch
    {
        VisitType.Inpatient => BenefitKind.Inpatient,
        VisitType.Outpatient => BenefitKind.Outpatient,
    };

    public static string Chinese(BenefitKind kind) => Of(kind).ChineseName;
}
