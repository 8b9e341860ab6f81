using Cooperative.Domain.Ledger;

namespace Cooperative.Domain.Enrollment;

/// <summary>Government subsidy per enrolled person (财政补助标准), by level of government.</summary>
public sealed record SubsidyRates(decimal Central, decimal Province, decimal County);

/// <summary>One joining person's contribution: who pays it and how much.</summary>
public sealed record ContributionShare(PersonCategory Category, ContributionPayer Payer, decimal Amount);

/// <summary>
/// What a household's enrolment for a year brings in (参合缴费): the contributions paid at the window, those
/// the civil-affairs budget owes, and the subsidies the governments owe for every enrolled person.
/// </summary>
public sealed record ContributionQuote(
    IReadOnlyList<ContributionShare> Shares,
    decimal IndividualTotal,
    decimal CivilAffairsTotal,
    decimal SubsidyCentral,
    decimal SubsidyProvince,
    decimal SubsidyCounty)
{
    public decimal ContributionTotal => IndividualTotal + CivilAffairsTotal;

    /// <summary>
    /// Prices the enrolment of the given persons (in order) at the year's individual contribution and subsidy
    /// rates. Members of exempt categories are paid by civil affairs.
    /// </summary>
    /// <exception cref="ArgumentException">When an amount is negative or not in whole fen.</exception>
    public static ContributionQuote Compute(IReadOnlyList<PersonCategory> joiners, decimal individualContribution,
        SubsidyRates subsidy)
    {
        ArgumentNullException.ThrowIfNull(joiners);
        ArgumentNullException.ThrowIfNull(subsidy);
        foreach (var amount in new[] { individualContribution, subsidy.Central, subsidy.Province, subsidy.County })
            if (amount < 0 || !Money.IsWholeFen(amount))
                throw new ArgumentException("Contribution and subsidy rates must be non-negative whole fen.");

        var shares = joiners.Select(c => new ContributionShare(c, PersonCategories.PayerFor(c), individualContribution)).ToList();
        var persons = shares.Count;
        return new ContributionQuote(
            shares,
            Money.Round(shares.Where(s => s.Payer == ContributionPayer.Individual).Sum(s => s.Amount)),
            Money.Round(shares.Where(s => s.Payer == ContributionPayer.CivilAffairs).Sum(s => s.Amount)),
            Money.Round(subsidy.Central * persons),
            Money.Round(subsidy.Province * persons),
            Money.Round(subsidy.County * persons));
    }

    /// <summary>
    /// The journal lines of the enrolment, each receivable or cash against its income: cash at the window
    /// (1001 / 4001.01), contributions civil affairs owes (1102 / 4001.02) and the subsidies owed by each
    /// government (1101.0x / 4101.0x). Zero amounts make no line. Collected <paramref name="inAdvance"/> of the
    /// fund year (the autumn campaign), the credits go to the year's advance accounts (2101.0x / 2102.0x) instead,
    /// and become its income when the year begins.
    /// </summary>
    public IReadOnlyList<JournalLineDraft> LedgerLines(bool inAdvance = false)
    {
        string Credit(string income) => inAdvance ? ChartOfAccounts.AdvanceIncome.Single(a => a.Income == income).Advance : income;
        var lines = new List<JournalLineDraft>();
        void Pair(string debit, string credit, decimal amount)
        {
            if (amount == 0) return;
            lines.Add(JournalLineDraft.Dr(debit, amount));
            lines.Add(JournalLineDraft.Cr(credit, amount));
        }
        Pair(ChartOfAccounts.Bank, Credit(ChartOfAccounts.ContributionIncomeIndividual), IndividualTotal);
        Pair(ChartOfAccounts.ContributionReceivableCivilAffairs, Credit(ChartOfAccounts.ContributionIncomeCivilAffairs), CivilAffairsTotal);
        Pair(ChartOfAccounts.SubsidyReceivableCentral, Credit(ChartOfAccounts.SubsidyIncomeCentral), SubsidyCentral);
        Pair(ChartOfAccounts.SubsidyReceivableProvince, Credit(ChartOfAccounts.SubsidyIncomeProvince), SubsidyProvince);
        Pair(ChartOfAccounts.SubsidyReceivableCounty, Credit(ChartOfAccounts.SubsidyIncomeCounty), SubsidyCounty);
        return lines;
    }
}
