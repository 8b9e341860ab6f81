using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Disclosures;

/// <summary>
/// What the county publishes for a month (费用补偿信息公示): no full name, no ID or card number, no household,
/// no diagnosis; a person appears only as a masked name with gender, age and village (see reports/disclosure.md).
/// </summary>
public sealed record DisclosureContent(
    string Month,
    DisclosureSummary Summary,
    FundFigures Fund,
    IReadOnlyList<InpatientRow> Inpatients,
    IReadOnlyList<VillageOutpatientTotal> OutpatientByVillage,
    IReadOnlyList<FacilityOutpatientTotal> OutpatientByFacility,
    IReadOnlyList<CorrectionRow> Corrections,
    AuditCheckpointFigure? AuditCheckpoint = null);

/// <summary>
/// The audit chain's head as last checkpointed and signed outside the database when the month was prepared
/// (审计链检查点), published so that anyone holding a copy of the disclosure can later prove that the chain up to
/// <see cref="Seq"/> has not been rewritten or cut. <see cref="MatchesChain"/> says whether the record at that
/// position still carried that hash when the month was prepared.
/// </summary>
public sealed record AuditCheckpointFigure(long Seq, string Hash, DateTime AtUtc, string? KeyId, string Mac, bool MatchesChain);

/// <summary>
/// The month's totals over the claims settled in it. <see cref="AverageRatio"/> is fund paid over total cost as
/// a fraction (0.4567 is 45.67 %). Corrections (reversals of earlier months) are summed apart, and
/// <see cref="NetFundPaid"/> is the fund paid less them.
/// </summary>
public sealed record DisclosureSummary(
    int Persons,
    int Visits,
    decimal TotalCost,
    decimal Eligible,
    decimal FundPaid,
    decimal AverageRatio,
    int InpatientVisits,
    decimal InpatientFundPaid,
    int OutpatientVisits,
    decimal OutpatientFundPaid,
    IReadOnlyList<LevelTotal> ByLevel,
    int Corrections,
    decimal CorrectionsFundPaid,
    decimal NetFundPaid);

public sealed record LevelTotal(FacilityLevel Level, string LevelName, int Persons, int Visits, decimal TotalCost, decimal FundPaid);

public sealed record InpatientRow(
    int Row,
    string MaskedName,
    string Gender,
    int Age,
    string Village,
    string Facility,
    string FacilityLevel,
    DateOnly AdmissionDate,
    DateOnly DischargeDate,
    decimal TotalCost,
    decimal Eligible,
    decimal Reimbursement);

public sealed record VillageOutpatientTotal(string Village, int Persons, int Visits, decimal TotalCost, decimal FundPaid);

public sealed record FacilityOutpatientTotal(string Facility, string FacilityLevel, int Persons, int Visits, decimal TotalCost, decimal FundPaid);

/// <summary>A reversal of a claim disclosed in an earlier month: amounts are negative.</summary>
public sealed record CorrectionRow(
    string MaskedName,
    string Village,
    string Facility,
    string VisitType,
    string OriginalMonth,
    int? OriginalRow,
    DateOnly ReversedOn,
    decimal TotalCost,
    decimal Reimbursement);

/// <summary>The content, and for the county's own records the claims behind the inpatient rows, in row order.</summary>
public sealed record DisclosureBuild(DisclosureContent Content, IReadOnlyList<Guid> InpatientClaimIds);
