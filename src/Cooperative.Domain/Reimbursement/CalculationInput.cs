namespace Cooperative.Domain.Reimbursement;

/// <summary>Everything the calculator needs for one claim.</summary>
/// <param name="Rules">The policy of the claim's fund year.</param>
/// <param name="Level">Level of the treating facility.</param>
/// <param name="VisitType">Inpatient or outpatient.</param>
/// <param name="Referred">Whether the patient had a referral (转诊) in force — matters outside the county.</param>
/// <param name="Lines">The itemized bill.</param>
/// <param name="PriorUse">Reimbursements already paid to the person this fund year.</param>
public sealed record CalculationInput(
    PolicyRules Rules,
    FacilityLevel Level,
    VisitType VisitType,
    bool Referred,
    IReadOnlyList<BillLine> Lines,
    PriorUse PriorUse)
{
    /// <summary>The diagnosis (ICD-10, upper case): it decides a delivery and a chronic disease.</summary>
    public string? DiagnosisCode { get; init; }

    /// <summary>The diseases (ICD-10 codes) certified for the person (门诊慢性病认定) and in force on the service date.</summary>
    public IReadOnlyList<string> CertifiedDiseases { get; init; } = [];

    /// <summary>The person's assisted category code (<c>Dibao</c>...), or null when he is in none.</summary>
    public string? AssistanceCategory { get; init; }

    /// <summary>Why a claimed referral does not count (no filing in force...), shown on the statement.</summary>
    public string? ReferralNote { get; init; }
}
