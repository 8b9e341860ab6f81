using System.Text.Json;
using Cooperative.Api.Enrollment;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Claims;

public sealed record ClaimLineResponse(int LineNo, string Code, string Name, decimal? Quantity, decimal? UnitPrice, decimal Amount,
    CatalogueStatus CatalogueStatus, decimal SelfPayShare);

/// <summary>What the county is owed back for a claim paid and then undone (追回), and whether it has come in.</summary>
public sealed record RecoveryResponse(RecoveryKind Kind, decimal Amount, bool Recovered, DateTime? RecoveredUtc, string Text);

public sealed record ClaimStatusResponse(ClaimStatus? From, ClaimStatus To, DateTime AtUtc, string By, string? Note);

/// <summary>
/// A claim as the API shows it. The full ID number only to staff; a facility sees it masked. <c>FundPays</c> is the basic
/// fund's part, <c>CatastrophicPays</c> and <c>AssistancePays</c> the other payers' (the county advances them),
/// <c>Payout</c> their sum (what the facility or the resident is paid), <c>PatientPays</c> what remains.
/// </summary>
public sealed record ClaimResponse(
    string Number, ClaimChannel Channel, ClaimStatus Status, string StatusText,
    string? FacilityCode, string FacilityName, FacilityLevel FacilityLevel,
    string IdNumber, string PatientName, int FundYear, VisitType VisitType, DateOnly AdmissionDate, DateOnly DischargeDate,
    string DiagnosisCode, bool Referred, string InvoiceNumber,
    int? PolicyVersion, decimal Total, decimal Eligible, decimal FundPays, decimal PatientPays, Settlement? Settlement,
    IReadOnlyList<string> Flags, IReadOnlyList<RequiredDocument> MissingDocuments, string? Notice,
    PaymentMethod? PaymentMethod, string? ReviewNote, RecoveryResponse? Recovery,
    IReadOnlyList<ClaimLineResponse> Lines, IReadOnlyList<ClaimStatusResponse> History,
    BenefitKind Benefit, string BenefitText, string? BenefitGroup, decimal CatastrophicPays, decimal AssistancePays, decimal Payout,
    string? ReferralFiling)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ClaimResponse From(Claim c, bool staff)
    {
        var missing = c.Status == ClaimStatus.PendingDocuments
            ? ClaimRules.RequiredDocuments(c.VisitType, c.Referred).Except(c.Documents).ToList()
            : [];
        return new ClaimResponse(c.Number, c.Channel, c.Status, c.Status.Chinese(), c.FacilityCode, c.FacilityName, c.FacilityLevel,
            PersonMasking.IdNumber(c.IdNumber, !staff), PersonMasking.Name(c.PatientName, !staff),
            c.FundYear, c.VisitType, c.AdmissionDate, c.DischargeDate, c.DiagnosisCode, c.Referred, c.InvoiceNumber,
            c.PolicyVersion, c.Total, c.Eligible, c.Reimbursement, c.PatientShare,
            SettlementOf(c),
            c.Flags?.Split(',') ?? [], missing,
            missing.Count == 0 ? null : $"请补齐以下材料后再办理结算：{string.Join("、", missing.Select(ClaimRules.Chinese))}",
            c.PaymentMethod, c.ReviewNote, RecoveryOf(c),
            c.Lines.OrderBy(l => l.LineNo).Select(l => new ClaimLineResponse(l.LineNo, l.Code, l.Name, l.Quantity, l.UnitPrice, l.Amount,
                l.CatalogueStatus, l.SelfPayShare)).ToList(),
            c.History.OrderBy(h => h.Seq).Select(h => new ClaimStatusResponse(h.From, h.To, h.AtUtc, h.By, h.Note)).ToList(),
            c.Benefit, BenefitKinds.Chinese(c.Benefit), c.BenefitGroup, c.CatastrophicPaid, c.AssistancePaid, c.Payout, c.ReferralFiling);
    }

    /// <summary>The stored breakdown; one stored before benefit kinds existed takes the claim's kind (its visit's general one).</summary>
    private static Settlement? SettlementOf(Claim c) =>
        c.SettlementJson is null ? null : JsonSerializer.Deserialize<Settlement>(c.SettlementJson, Json)! with { Benefit = c.Benefit };

    private static RecoveryResponse? RecoveryOf(Claim c) => c.RecoveryKind is not { } kind ? null : kind switch
    {
        RecoveryKind.FacilityDeduction => new(RecoveryKind.FacilityDeduction, c.RecoveryAmount, !c.RecoveryOutstanding, c.RecoveredUtc,
            c.RecoveryOutstanding ? $"应从该机构下次月度结算中扣回 {c.RecoveryAmount:0.00} 元" : $"已在月度结算中扣回 {c.RecoveryAmount:0.00} 元"),
        RecoveryKind.ResidentRefund => new(RecoveryKind.ResidentRefund, c.RecoveryAmount, !c.RecoveryOutstanding, c.RecoveredUtc,
            c.RecoveryOutstanding ? $"参合人员应退回已领取的补偿款 {c.RecoveryAmount:0.00} 元" : $"参合人员已退回补偿款 {c.RecoveryAmount:0.00} 元"),
    };
}

/// <summary>One row of a claims list or the review queue: <c>FundPays</c> the basic fund, <c>Payout</c> with the other payers.</summary>
public sealed record ClaimSummary(string Number, ClaimChannel Channel, ClaimStatus Status, string? FacilityCode, string FacilityName,
    string PatientName, VisitType VisitType, DateOnly DischargeDate, decimal Total, decimal FundPays, string? Flags, BenefitKind Benefit,
    decimal Payout);
