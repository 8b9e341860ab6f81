using Cooperative.Api.Policy;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Claims;

/// <summary>An itemized bill submitted by a facility's system at discharge or after a visit (即时结报).</summary>
public sealed record FacilityClaimRequest(
    string? IdNumber,
    string? CardNumber,
    string? PatientName,
    VisitType? VisitType,
    DateOnly? AdmissionDate,
    DateOnly? DischargeDate,
    string? DiagnosisCode,
    bool Referred,
    string? InvoiceNumber,
    IReadOnlyList<BillLineInput>? Lines);

/// <summary>A paper claim entered at the window: the same bill, the facility named as text, and the documents handed in.</summary>
public sealed record WindowClaimRequest(
    string? IdNumber,
    string? CardNumber,
    string? PatientName,
    VisitType? VisitType,
    DateOnly? AdmissionDate,
    DateOnly? DischargeDate,
    string? DiagnosisCode,
    bool Referred,
    string? InvoiceNumber,
    IReadOnlyList<BillLineInput>? Lines,
    string? FacilityCode,
    string? FacilityName,
    FacilityLevel? FacilityLevel,
    IReadOnlyList<RequiredDocument>? ProvidedDocuments);

public sealed record DocumentsRequest(IReadOnlyList<RequiredDocument>? ProvidedDocuments);

public sealed record ReviewRequest(string? Reason);

public sealed record PaymentRequest(PaymentMethod? Method, string? Account);

/// <summary>The bill as the submission handles it, whichever way it came in.</summary>
internal sealed record ClaimDraft(
    ClaimChannel Channel,
    string? IdNumber,
    string? CardNumber,
    string? PatientName,
    VisitType VisitType,
    DateOnly AdmissionDate,
    DateOnly DischargeDate,
    string DiagnosisCode,
    bool Referred,
    string InvoiceNumber,
    IReadOnlyList<BillLineInput> Lines,
    string? FacilityCode,
    string? FacilityName,
    FacilityLevel? FacilityLevel,
    IReadOnlyList<RequiredDocument> ProvidedDocuments);
