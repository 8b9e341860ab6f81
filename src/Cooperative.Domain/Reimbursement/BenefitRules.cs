namespace Cooperative.Domain.Reimbursement;

/// <summary>A disease of the chronic and special disease list (门诊慢性病/特殊病种目录), by ICD-10 code.</summary>
/// <param name="Code">ICD-10 code or category; a diagnosis matches when it starts with it (I10 matches I10.x00).</param>
public sealed record ChronicDisease(string Code, string Name);

/// <summary>A group of the list with its own rule: outpatient bills of a certified disease paid at a ratio, within a yearly cap.</summary>
/// <param name="Code">Stable code of the group (e.g. <c>A</c>, <c>special</c>); its usage is kept under it.</param>
public sealed record ChronicDiseaseGroup(string Code, string Name, decimal Ratio, decimal AnnualCap, IReadOnlyList<ChronicDisease> Diseases);

/// <summary>住院分娩定额补助 of one facility level.</summary>
public sealed record DeliverySubsidy(FacilityLevel Level, decimal Amount);

/// <summary>
/// Hospital delivery (住院分娩): an inpatient bill whose diagnosis is a delivery gets the fixed subsidy of its level
/// (never more than the eligible amount), or what the inpatient rule pays if <see cref="InpatientRuleIfMore"/> and
/// that is more. It counts against the inpatient annual cap.
/// </summary>
/// <param name="DiagnosisCodes">ICD-10 codes or categories of a delivery (O80–O84).</param>
public sealed record DeliveryRule(IReadOnlyList<string> DiagnosisCodes, IReadOnlyList<DeliverySubsidy> Subsidies, bool InpatientRuleIfMore)
{
    public decimal SubsidyFor(FacilityLevel level) => Subsidies.FirstOrDefault(s => s.Level == level)?.Amount ?? 0m;
}

/// <summary>The other payers of the one-stop settlement (一站式结算), after the basic fund.</summary>
public enum Payer
{
    /// <summary>大病保险: catastrophic illness insurance, run by a commercial insurer.</summary>
    [Label("大病保险")]
    Catastrophic,

    /// <summary>医疗救助: medical assistance, funded by civil affairs.</summary>
    [Label("医疗救助")]
    Assistance,
}

/// <summary>
/// Catastrophic illness insurance (大病保险): of the eligible cost the basic fund left to the resident (合规自付),
/// accumulated over the year, what lies above <see cref="Threshold"/> is paid by bands, within a yearly cap.
/// </summary>
/// <param name="Insurer">The insurer that runs it (承办保险公司), named on the statement to it.</param>
/// <param name="Threshold">起付线 on the year's accumulated eligible out-of-pocket cost.</param>
/// <param name="Bands">Bands of the accumulated cost above the threshold (upper limits absolute, increasing; the last unbounded).</param>
/// <param name="AnnualCap">年度最高支付限额 per person.</param>
public sealed record CatastrophicRule(string Insurer, decimal Threshold, IReadOnlyList<CostBand> Bands, decimal AnnualCap);

/// <summary>Medical assistance for one assisted category (救助对象类别): a share of what still remains, within a yearly cap.</summary>
/// <param name="Category">The person category (<c>dibao</c>, <c>wubao</c>, <c>tekun</c>...) in any spelling of <see cref="Vocabulary"/>.</param>
public sealed record AssistanceRule(string Category, decimal Ratio, decimal AnnualCap);

/// <summary>Medical assistance (医疗救助) of the year: who funds it and the rule of each assisted category.</summary>
public sealed record AssistanceRules(string Funder, IReadOnlyList<AssistanceRule> Categories)
{
    /// <summary>The rule of a person's category, however either was spelled (code, label or member name).</summary>
    public AssistanceRule? For(string? category) =>
        !Vocabulary.TryParse(category, out Enrollment.PersonCategory wanted) ? null
            : Categories.FirstOrDefault(c => Vocabulary.TryParse(c.Category, out Enrollment.PersonCategory listed) && listed == wanted);
}

/// <summary>ICD-10 codes: their form, and matching of a listed code against a diagnosis.</summary>
public static partial class IcdCodes
{
    /// <summary>A code or category in upper case: a letter, two digits, optionally a dot and up to four more (K35, K35.8, E11.900).</summary>
    public static bool IsValid(string? code) => code is { Length: > 0 } && Form().IsMatch(code);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")]
    private static partial System.Text.RegularExpressions.Regex Form();

    /// <summary>A diagnosis matches a listed code or category when it starts with it (both in upper case).</summary>
    public static bool Matches(string listed, string? diagnosis) =>
        diagnosis is { Length: > 0 } && listed.Length > 0 && diagnosis.StartsWith(listed, StringComparison.Ordinal);
}
