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
/// <see cref="NetFundPaid"/> is the fund paid less them. Fund paid is always the basic fund's part.
/// </summary>
/// <remarks>
/// The members in the body came with benefit kinds and payers; a month published before them has none in its
/// stored JSON and reads with their defaults (no lines by kind, nothing paid by the other payers, the patient's
/// part unknown), so that its bytes and their hash stay as they were published.
/// </remarks>
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
    decimal NetFundPaid)
{
    /// <summary>One line per benefit kind (补偿类别), every kind in its order, a kind without claims in the month too.</summary>
    public IReadOnlyList<BenefitTotal> ByBenefit { get; init; } = [];

    /// <summary>大病保险: what catastrophic illness insurance paid of the month's claims.</summary>
    public decimal CatastrophicPaid { get; init; }

    /// <summary>医疗救助: what medical assistance paid of the month's claims.</summary>
    public decimal AssistancePaid { get; init; }

    /// <summary>个人自付: what remained for the patients after every payer (null in a month published before the payers).</summary>
    public decimal? PatientPaid { get; init; }
}

/// <summary>A benefit kind's month. <see cref="Code"/>: the kind's stable code (inpatient, outpatient, chronic, delivery).</summary>
public sealed record BenefitTotal(string Code, string BenefitName, int Persons, int Visits, decimal TotalCost, decimal FundPaid,
    decimal CatastrophicPaid, decimal AssistancePaid);

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
    decimal Reimbursement)
{
    /// <summary>The kind the stay was paid under (住院 or 住院分娩); a month published before kinds had only 住院.</summary>
    public string BenefitName { get; init; } = BenefitKinds.Chinese(BenefitKind.Inpatient);

    /// <summary>大病保险 paid of the stay.</summary>
    public decimal CatastrophicPaid { get; init; }

    /// <summary>医疗救助 paid of the stay.</summary>
    public decimal AssistancePaid { get; init; }
}

public sealed record VillageOutpatientTotal(string Village, int Persons, int Visits, decimal TotalCost, decimal FundPaid);

public sealed record FacilityOutpatientTotal(string Facility, string FacilityLevel, int Persons, int Visits, decimal TotalCost, decimal FundPaid);

/// <summary>
/// A reversal of a claim disclosed in an earlier month: amounts are negative. <see cref="VisitType"/> is the Chinese
/// name of the kind the claim was paid under (住院, 普通门诊, 门诊慢性病/特殊病种, 住院分娩); months published before
/// kinds say 住院 or 门诊 there.
/// </summary>
public sealed record CorrectionRow(
    string MaskedName,
    string Village,
    string Facility,
    string VisitType,
    string OriginalMonth,
    int? OriginalRow,
    DateOnly ReversedOn,
    decimal TotalCost,
    decimal Reimbursement)
{
    /// <summary>大病保险 taken back (negative).</summary>
    public decimal CatastrophicPaid { get; init; }

    /// <summary>医疗救助 taken back (negative).</summary>
    public decimal AssistancePaid { get; init; }
}

/// <summary>The content, and for the county's own records the claims behind the inpatient rows, in row order.</summary>
public sealed record DisclosureBuild(DisclosureContent Content, IReadOnlyList<Guid> InpatientClaimIds);
