using Cooperative.Domain.Reimbursement;
using CsCheck;

namespace Cooperative.Domain.Tests.Reimbursement;

public class CalculatorPropertyTests
{
    private const long Iterations = 2_000;

    // Amounts 0..50,000 yuan with two decimals.
    private static readonly Gen<decimal> GenAmount = Gen.Int[0, 5_000_000].Select(cents => cents / 100m);

    private static readonly Gen<BillLine> GenLine = Gen.Select(
        GenAmount, Gen.Enum<CatalogueStatus>(), Gen.Int[0, 100],
        (amount, status, share) => new BillLine("X", amount, status, share / 100m));

    private static readonly Gen<PriorUse> GenPrior = Gen.Select(
        Gen.Int[0, 20_000_000], Gen.Int[0, 40_000],
        (inpatient, outpatient) => new PriorUse(inpatient / 100m, outpatient / 100m));

    private static readonly Gen<CalculationInput> GenInput = Gen.Select(
        GenLine.List[0, 8], Gen.Enum<FacilityLevel>(), Gen.Enum<VisitType>(), Gen.Bool, GenPrior,
        (lines, level, visit, referred, prior) =>
            new CalculationInput(DefaultPolicy.Rules, level, visit, referred, lines, prior));

    [Fact]
    public void Reimbursement_is_never_negative_and_is_whole_fen()
    {
        GenInput.Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            s.Reimbursement.Should().BeGreaterThanOrEqualTo(0m);
            Money.Round(s.Reimbursement).Should().Be(s.Reimbursement);
        }, iter: Iterations);
    }

    [Fact]
    public void Reimbursement_never_exceeds_the_eligible_amount_above_the_deductible()
    {
        GenInput.Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            var eligible = input.Lines.Sum(l => l.Status switch
            {
                CatalogueStatus.Covered => l.Amount,
                CatalogueStatus.PartlyCovered => l.Amount * (1 - l.SelfPayShare),
                _ => 0m,
            });
            var deductible = input.VisitType == VisitType.Inpatient
                ? input.Rules.InpatientFor(input.Level).Deductible
                : 0m;
            s.Reimbursement.Should().BeLessThanOrEqualTo(Money.Round(Math.Max(0m, eligible - deductible)));
        }, iter: Iterations);
    }

    [Fact]
    public void Reimbursement_never_exceeds_what_is_left_of_the_annual_cap()
    {
        GenInput.Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            var (cap, prior) = input.VisitType == VisitType.Inpatient
                ? (input.Rules.InpatientAnnualCap, input.PriorUse.InpatientPaidThisYear)
                : (input.Rules.OutpatientFor(input.Level).CapPerYear, input.PriorUse.OutpatientPaidThisYear);
            s.Reimbursement.Should().BeLessThanOrEqualTo(Math.Max(0m, cap - prior));
            s.CapRemainingAfter.Should().BeGreaterThanOrEqualTo(0m);
            if (input.VisitType == VisitType.Outpatient)
            {
                s.Reimbursement.Should().BeLessThanOrEqualTo(input.Rules.OutpatientFor(input.Level).CapPerVisit);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Patient_share_and_reimbursement_add_up_to_the_total()
    {
        GenInput.Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            (s.PatientShare + s.Reimbursement).Should().Be(s.Total);
            s.Total.Should().Be(input.Lines.Sum(l => l.Amount));
        }, iter: Iterations);
    }

    [Fact]
    public void Displayed_steps_reconcile_to_the_reimbursement()
    {
        GenInput.Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            (s.BeforeCaps - s.PerVisitCapApplied - s.CapCut).Should().Be(s.Reimbursement);
            s.PerVisitCapApplied.Should().BeGreaterThanOrEqualTo(0m);
            s.CapCut.Should().BeGreaterThanOrEqualTo(0m);
            s.Bands.Should().NotContain(b => b.Amount <= 0 || b.Ratio < 0 || b.Ratio > 1);
        }, iter: Iterations);
    }

    [Fact]
    public void Adding_a_covered_line_never_lowers_the_reimbursement()
    {
        Gen.Select(GenInput, GenAmount).Sample((input, extra) =>
        {
            var before = ReimbursementCalculator.Calculate(input);
            var more = input with { Lines = [.. input.Lines, new BillLine("EXTRA", extra, CatalogueStatus.Covered, 0m)] };
            var after = ReimbursementCalculator.Calculate(more);
            after.Reimbursement.Should().BeGreaterThanOrEqualTo(before.Reimbursement);
        }, iter: Iterations);
    }
}
