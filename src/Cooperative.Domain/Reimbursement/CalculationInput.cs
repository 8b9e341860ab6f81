namespace Cooperative.Domain.Reimbursement;

/// <summary>Everything the calculator needs for one claim.</summary>
/// <param name="Rules">The policy of the claim's fund year.</param>
/// <param name="Level">Level of the treating facility.</param>
/// <param name="VisitType">Inpatient or outpatient.</param>
/// <param name="Referred">Whether the patient had a referral (转诊) — matters outside the county.</param>
/// <param name="Lines">The itemized bill.</param>
/// <param name="PriorUse">Reimbursements already paid to the person this fund year.</param>
public sealed record CalculationInput(
    PolicyRules Rules,
    FacilityLevel Level,
    VisitType VisitType,
    bool Referred,
    IReadOnlyList<BillLine> Lines,
    PriorUse PriorUse);
