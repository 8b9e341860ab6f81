using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Benefits;

/// <summary>
/// The other payers of the one-stop settlement as the county's books see them: what the window advanced for each is
/// a receivable (<see cref="ChartOfAccounts.ReceivableFrom"/>) that the payer settles month by month.
/// </summary>
public static class Payers
{
    /// <summary>A payer's name in a route (<c>catastrophic</c>, <c>assistance</c>, any case); no number, no list.</summary>
    public static Payer? Parse(string? text) =>
        Enum.GetValues<Payer>().Cast<Payer?>().FirstOrDefault(p => string.Equals(p.ToString(), text, StringComparison.OrdinalIgnoreCase));

    public static string Key(Payer payer) => payer switch
    {
        Payer.Catastrophic => "catastrophic",
        Payer.Assistance => "assistance",
    };

    /// <summary>大病保险 / 医疗救助.</summary>
    public static string Chinese(Payer payer) => Vocabulary.Label(payer);

    /// <summary>Who pays it in the year's policy: the insurer that runs catastrophic insurance, the funder of assistance.</summary>
    public static string? NameIn(PolicyInForce? policy, Payer payer) => payer switch
    {
        Payer.Catastrophic => policy?.Rules.Catastrophic?.Insurer,
        Payer.Assistance => policy?.Rules.Assistance?.Funder,
    };

    /// <summary>The source id of a payer's payment for a month: one per payer and month.</summary>
    public static string PaymentSourceId(Payer payer, int period) => $"{Key(payer)}:{Fund.LedgerPeriod.Format(period)}";

    public const string PaymentSource = "payer-payment";
}
