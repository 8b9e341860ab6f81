using System.Text.RegularExpressions;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Claims;

/// <summary>The stable reason codes of claims refused at submission (自动审核).</summary>
public static class ClaimErrors
{
    public const string NotEnrolled = "not_enrolled";
    public const string OutsideFundYear = "outside_fund_year";
    public const string PersonNotFound = "person_not_found";
    public const string DeadlinePassed = "claim_deadline_passed";
    public const string DuplicateInvoice = "duplicate_invoice";
    public const string DatesInconsistent = "dates_inconsistent";
    public const string AmountsInconsistent = "amounts_inconsistent";
    public const string UnknownCatalogueCode = "catalogue_code_unknown";
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string NotFound = "claim_not_found";
    public const string WrongState = "claim_wrong_state";
    public const string NoPolicy = "policy_not_found";
    public const string PatientMismatch = "patient_mismatch";
    public const string SuspectedDuplicate = "suspected_duplicate";
    public const string FacilityInRegister = "facility_in_register";
    public const string NothingToRecover = "nothing_to_recover";
}

internal static partial class ClaimRules
{
    public const int ReadmissionDays = 15;

    /// <summary>What a window claim needs: card or ID, invoices, the itemized list; inpatients the discharge summary; a referral its form.</summary>
    public static IReadOnlyList<RequiredDocument> RequiredDocuments(VisitType visit, bool referred)
    {
        var required = new List<RequiredDocument> { RequiredDocument.IdCard, RequiredDocument.Invoices, RequiredDocument.ItemizedList };
        if (visit == VisitType.Inpatient) required.Add(RequiredDocument.DischargeSummary);
        if (referred) required.Add(RequiredDocument.ReferralForm);
        return required;
    }

    public static string Chinese(RequiredDocument d) => Vocabulary.Label(d);

    /// <summary>Field checks of a bill, in Chinese; the calculator's own line checks are shared with the trial calculation.</summary>
    public static Validation Validate(ClaimDraftInput d)
    {
        var v = BillChecks.Validate(d.DischargeDate, d.VisitType, d.Level ?? FacilityLevel.County, d.Lines, includeAmountMismatches: false);
        if (string.IsNullOrWhiteSpace(d.IdNumber) && string.IsNullOrWhiteSpace(d.CardNumber))
            v.Add("idNumber", "必须填写身份证号，或合作医疗证号");
        if (!string.IsNullOrWhiteSpace(d.IdNumber) && ResidentIdNumber.Validate(d.IdNumber) is { IsValid: false } id)
            v.Add("idNumber", id.Message!);
        if (!string.IsNullOrWhiteSpace(d.CardNumber) && !CardNumber.IsValid(d.CardNumber.Trim())) v.Add("cardNumber", CardNumber.Rule);
        v.Required(d.PatientName, "patientName", "患者姓名（与发票一致）", 64);
        v.Check(d.AdmissionDate is not null, "admissionDate", "入院（就诊）日期不能为空")
            .Date(d.AdmissionDate, "admissionDate", "入院（就诊）日期")
            .Check(d.DiagnosisCode is { Length: > 0 } code && IcdCodes.IsValid(code.Trim()), "diagnosisCode", "诊断编码必须是 ICD-10 编码，如 K35.8")
            .Required(d.InvoiceNumber, "invoiceNumber", "发票号", 64);
        if (!string.IsNullOrWhiteSpace(d.InvoiceNumber) && PlainText.IsAcceptable(d.InvoiceNumber, TextKind.Line)
            && BillText.InvoiceKey(d.InvoiceNumber).Length == 0)
            v.Add("invoiceNumber", "发票号不能只含空白或不可见字符");
        return v;
    }

    /// <summary>Dates that cannot be true together (日期不符), or null.</summary>
    public static string? DateProblem(VisitType visit, DateOnly admission, DateOnly discharge, DateOnly today)
    {
        if (admission > discharge) return "出院日期不能早于入院日期";
        if (discharge > today) return "出院（就诊）日期不能晚于今天";
        if (visit == VisitType.Outpatient && admission != discharge) return "门诊就诊的开始与结束日期应为同一天";
        if (discharge.DayNumber - admission.DayNumber > 366) return "住院时间超过一年，请核对日期";
        return null;
    }

}

internal sealed record ClaimDraftInput(string? IdNumber, string? CardNumber, string? PatientName, VisitType? VisitType,
    DateOnly? AdmissionDate, DateOnly? DischargeDate, string? DiagnosisCode, string? InvoiceNumber,
    IReadOnlyList<BillLineInput>? Lines, FacilityLevel? Level);
