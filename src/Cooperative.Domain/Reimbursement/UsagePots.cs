namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// The keys of a person's yearly usage (年度累计): what each payer has paid him under each cap, and the
/// out-of-pocket cost counted towards the catastrophic threshold. A claim's settlement says what it adds to each.
/// </summary>
public static class UsagePots
{
    /// <summary>Inpatient and delivery payments of the basic fund (住院年度封顶).</summary>
    public const string Inpatient = "inpatient";

    /// <summary>General outpatient payments of the basic fund (门诊年度封顶).</summary>
    public const string Outpatient = "outpatient";

    /// <summary>Eligible out-of-pocket cost after the basic fund, accumulated towards the catastrophic threshold (大病保险合规自付累计).</summary>
    public const string CatastrophicBase = "catastrophic_base";

    /// <summary>What catastrophic illness insurance paid (大病保险年度封顶).</summary>
    public const string Catastrophic = "catastrophic";

    /// <summary>What medical assistance paid (医疗救助年度封顶).</summary>
    public const string Assistance = "assistance";

    private const string ChronicPrefix = "chronic:";

    /// <summary>Payments of the basic fund for one chronic-disease group (慢性病病种组年度封顶).</summary>
    public static string Chronic(string group) => ChronicPrefix + group;

    /// <summary>The pot a basic-fund payment of this kind counts against.</summary>
    public static string ForBasic(BenefitKind kind, string? group) => kind switch
    {
        BenefitKind.Inpatient or BenefitKind.Delivery => Inpatient,
        BenefitKind.Outpatient => Outpatient,
        BenefitKind.ChronicDisease => Chronic(group ?? throw new ArgumentNullException(nameof(group), "A chronic benefit needs its group.")),
    };

    /// <summary>Is the key one the scheme knows (a chronic group's key is any group code)?</summary>
    public static bool IsKnown(string key) => key is Inpatient or Outpatient or CatastrophicBase or Catastrophic or Assistance
        || (key.StartsWith(ChronicPrefix, StringComparison.Ordinal) && key.Length > ChronicPrefix.Length);
}
