namespace Cooperative.Api.Fhir;

/// <summary>
/// The URIs of the scheme's identifiers and codes in FHIR. Under one project base (a name, not a page to fetch):
/// identifiers are NamingSystems, codes are CodeSystems; diagnoses are plain ICD-10.
/// </summary>
internal static class FhirSystems
{
    public const string Base = "https://cooperative.example/fhir";

    /// <summary>居民身份证号.</summary>
    public const string ResidentId = Base + "/NamingSystem/resident-id";

    /// <summary>合作医疗证号 (the household's card).</summary>
    public const string CardNumber = Base + "/NamingSystem/card-number";

    /// <summary>报销单号 (BX-2026-000001).</summary>
    public const string ClaimNumber = Base + "/NamingSystem/claim-number";

    /// <summary>发票号, unique within the facility that issued it.</summary>
    public const string InvoiceNumber = Base + "/NamingSystem/invoice-number";

    /// <summary>定点医疗机构编码 (H0001).</summary>
    public const string FacilityCode = Base + "/NamingSystem/facility-code";

    /// <summary>The fund's ledger entries (凭证号).</summary>
    public const string JournalEntry = Base + "/NamingSystem/journal-entry";

    /// <summary>药品及诊疗项目目录编码: the catalogue codes of bill lines.</summary>
    public const string Catalogue = Base + "/CodeSystem/catalogue";

    /// <summary>The parts of a settlement (结算单): eligible, deductible, fund, catastrophic, assistance, patient...</summary>
    public const string Adjudication = Base + "/CodeSystem/adjudication";

    /// <summary>What is left of a yearly cap (剩余额度), by pot: inpatient, outpatient, chronic:GROUP, catastrophic, assistance.</summary>
    public const string Benefit = Base + "/CodeSystem/benefit";

    /// <summary>The API's stable error codes, the same as the <c>code</c> of its problem details.</summary>
    public const string Error = Base + "/CodeSystem/error";

    /// <summary>补偿方案 of a fund year (the Coverage's plan).</summary>
    public const string Plan = Base + "/CodeSystem/plan";

    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string HL7Adjudication = "http://terminology.hl7.org/CodeSystem/adjudication";
    public const string ClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
    public const string PaymentType = "http://terminology.hl7.org/CodeSystem/payment-type";
    public const string CoverageClass = "http://terminology.hl7.org/CodeSystem/coverage-class";
    public const string ProcessPriority = "http://terminology.hl7.org/CodeSystem/processpriority";

    /// <summary>The insurer of every resource: the county's scheme office (新农合管理办公室), named, not a stored Organization.</summary>
    public const string InsurerName = "新型农村合作医疗基金";

    public const string Currency = "CNY";
}
