using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

public class CalculatorGuardTests
{
    [Theory]
    [InlineData("-0.01", "0")]     // negative amount
    [InlineData("10.001", "0")]    // more than two decimals
    [InlineData("10", "1.5")]      // self-pay share above 1
    [InlineData("10", "-0.1")]     // self-pay share below 0
    public void Bad_lines_are_the_callers_problem(string amount, string share)
    {
        var line = new BillLine("B1", Parse(amount), CatalogueStatus.PartlyCovered, Parse(share));

        var act = () => Claims.Settle(FacilityLevel.County, VisitType.Inpatient, [line]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_self_pay_share_of_a_fully_covered_line_is_ignored()
    {
        var act = () => Claims.Settle(FacilityLevel.County, VisitType.Inpatient,
            [new BillLine("A1", 10m, CatalogueStatus.Covered, 5m)]);

        act.Should().NotThrow();
    }

    [Fact]
    public void Invalid_rules_are_rejected()
    {
        var rules = DefaultPolicy.Rules with { InpatientAnnualCap = -1m };
        var input = new CalculationInput(rules, FacilityLevel.County, VisitType.Inpatient, true, [], PriorUse.None);

        var act = () => ReimbursementCalculator.Calculate(input);

        act.Should().Throw<ArgumentException>().WithMessage("*inpatientAnnualCap*");
    }

    [Fact]
    public void Negative_prior_use_is_rejected()
    {
        var act = () => Claims.Settle(FacilityLevel.County, VisitType.Inpatient, [], prior: new PriorUse(-1m, 0m));

        act.Should().Throw<ArgumentException>();
    }

    private static decimal Parse(string value) =>
        decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
