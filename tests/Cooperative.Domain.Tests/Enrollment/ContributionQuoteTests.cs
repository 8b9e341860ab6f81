using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Ledger;

namespace Cooperative.Domain.Tests.Enrollment;

public class ContributionQuoteTests
{
    private static readonly SubsidyRates Subsidy = new(240m, 100m, 80m);

    [Fact]
    public void Members_pay_the_individual_contribution_and_exempt_members_are_paid_by_civil_affairs()
    {
        var quote = ContributionQuote.Compute(
            [PersonCategory.None, PersonCategory.None, PersonCategory.Dibao, PersonCategory.Youfu], 150m, Subsidy);

        quote.IndividualTotal.Should().Be(450m);
        quote.CivilAffairsTotal.Should().Be(150m);
        quote.ContributionTotal.Should().Be(600m);
        quote.Shares.Select(s => s.Payer).Should().Equal(ContributionPayer.Individual, ContributionPayer.Individual,
            ContributionPayer.CivilAffairs, ContributionPayer.Individual);
    }

    [Fact]
    public void Subsidies_are_owed_for_every_enrolled_person_whoever_paid()
    {
        var quote = ContributionQuote.Compute([PersonCategory.None, PersonCategory.Wubao, PersonCategory.None], 150m, Subsidy);

        (quote.SubsidyCentral, quote.SubsidyProvince, quote.SubsidyCounty).Should().Be((720m, 300m, 240m));
    }

    [Fact]
    public void The_ledger_lines_balance_and_name_the_right_accounts()
    {
        var quote = ContributionQuote.Compute([PersonCategory.None, PersonCategory.Dibao], 150m, Subsidy);

        var lines = quote.LedgerLines();

        lines.Sum(l => l.Debit).Should().Be(lines.Sum(l => l.Credit));
        lines.Sum(l => l.Debit).Should().Be(300m + 840m);
        lines.Should().ContainEquivalentOf(JournalLineDraft.Dr(ChartOfAccounts.Bank, 150m));
        lines.Should().ContainEquivalentOf(JournalLineDraft.Cr(ChartOfAccounts.ContributionIncomeIndividual, 150m));
        lines.Should().ContainEquivalentOf(JournalLineDraft.Dr(ChartOfAccounts.ContributionReceivableCivilAffairs, 150m));
        lines.Should().ContainEquivalentOf(JournalLineDraft.Cr(ChartOfAccounts.ContributionIncomeCivilAffairs, 150m));
        lines.Should().ContainEquivalentOf(JournalLineDraft.Dr(ChartOfAccounts.SubsidyReceivableCentral, 480m));
        lines.Should().ContainEquivalentOf(JournalLineDraft.Cr(ChartOfAccounts.SubsidyIncomeCounty, 160m));
        new JournalDraft(new DateOnly(2026, 3, 1), "参合缴费", "receipt", "2026-000001", lines).Problem().Should().BeNull();
    }

    [Fact]
    public void A_household_without_exempt_members_makes_no_civil_affairs_line()
    {
        var lines = ContributionQuote.Compute([PersonCategory.None], 150m, Subsidy).LedgerLines();

        lines.Should().NotContain(l => l.AccountCode == ChartOfAccounts.ContributionReceivableCivilAffairs);
        lines.Should().HaveCount(8);
    }

    [Fact]
    public void Rates_in_fractions_of_a_fen_are_refused()
    {
        var compute = () => ContributionQuote.Compute([PersonCategory.None], 150.005m, Subsidy);

        compute.Should().Throw<ArgumentException>();
    }
}
