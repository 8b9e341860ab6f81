namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// The reimbursement policy (补偿方案) of one fund year. The policy is data: each year's figures are stored,
/// validated with <see cref="Validate"/>, and passed to the calculator.
/// </summary>
/// <param name="InpatientAnnualCap">住院年度封顶线 per person, in yuan.</param>
/// <param name="NoReferralReduction">
/// Ratio points (as a fraction, e.g. 0.10) subtracted from every band ratio, not below 0, for inpatient treatment
/// outside the county without a referral (未转诊).
/// </param>
/// <param name="Inpatient">One inpatient rule per facility level.</param>
/// <param name="Outpatient">One outpatient rule per facility level.</param>
public sealed record PolicyRules(
    decimal InpatientAnnualCap,
    decimal NoReferralReduction,
    IReadOnlyList<InpatientRule> Inpatient,
    IReadOnlyList<OutpatientRule> Outpatient)
{
    /// <summary>门诊慢性病/特殊病种: the groups of the disease list; none means every outpatient bill is general outpatient.</summary>
    public IReadOnlyList<ChronicDiseaseGroup> ChronicGroups { get; init; } = [];

    /// <summary>住院分娩; null means a delivery is paid as any inpatient stay.</summary>
    public DeliveryRule? Delivery { get; init; }

    /// <summary>大病保险; null means the year has none.</summary>
    public CatastrophicRule? Catastrophic { get; init; }

    /// <summary>医疗救助; null means the year has none.</summary>
    public AssistanceRules? Assistance { get; init; }

    /// <summary>Lists every problem in the rules; an empty list means the rules can be used.</summary>
    public IReadOnlyList<PolicyProblem> Validate() => PolicyValidator.Validate(this);

    /// <summary>The inpatient rule of a level.</summary>
    /// <exception cref="ArgumentException">When the rules hold no inpatient rule for the level.</exception>
    public InpatientRule InpatientFor(FacilityLevel level) =>
        Inpatient.FirstOrDefault(r => r.Level == level)
        ?? throw new ArgumentException($"No inpatient rule for level {level}.", nameof(level));

    /// <summary>The outpatient rule of a level.</summary>
    /// <exception cref="ArgumentException">When the rules hold no outpatient rule for the level.</exception>
    public OutpatientRule OutpatientFor(FacilityLevel level) =>
        Outpatient.FirstOrDefault(r => r.Level == level)
        ?? throw new ArgumentException($"No outpatient rule for level {level}.", nameof(level));
}
