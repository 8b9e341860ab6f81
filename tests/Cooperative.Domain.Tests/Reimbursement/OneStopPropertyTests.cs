using Cooperative.Domain.Reimbursement;
using CsCheck;

namespace Cooperative.Domain.Tests.Reimbursement;

/// <summary>
/// The one-stop settlement over random bills, levels, visit types, diagnoses (some chronic, some delivery), certifications,
/// categories and prior use of every pot, under <see cref="OneStopPolicy.Full"/> (each special rule sometimes left out).
/// </summary>
public class OneStopPropertyTests
{
    private const long Iterations = 3_000;

    private static readonly Gen<decimal> GenAmount = Gen.Int[0, 5_000_000].Select(cents => cents / 100m);

    private static readonly Gen<BillLine> GenLine = Gen.Select(
        GenAmount, Gen.Enum<CatalogueStatus>(), Gen.Int[0, 100],
        (amount, status, share) => new BillLine("X", amount, status, share / 100m));

    private static readonly Gen<string?> GenDiagnosis = Gen.OneOfConst<string?>(
        null, "", "I10", "I10.X00", " i10 ", "E11", "E11.2", "E11.9", "N18.5", "N18.4", "C34.1", "O80", "O82.0", "O84.1",
        "J06.9", "K35.8");

    private static readonly string[] Listed = ["I10", "E11", "E11.2", "N18.5", "C34"];

    private static readonly Gen<IReadOnlyList<string>> GenCertified = Gen.Bool.Array[Listed.Length]
        .Select(flags => (IReadOnlyList<string>)Listed.Where((_, i) => flags[i]).ToList());

    private static readonly Gen<string?> GenCategory = Gen.OneOfConst<string?>(null, "Dibao", "Wubao", "Tekun", "Youfu");

    private static Gen<decimal> Cents(int maxYuan) => Gen.Int[0, maxYuan * 100].Select(c => c / 100m);

    private static readonly Gen<PriorUse> GenPrior = Gen.Select(
        Cents(160_000), Cents(320), Cents(3_200), Cents(55_000), Cents(150_000), Cents(210_000), Cents(22_000),
        (inpatient, outpatient, a, special, catBase, cat, assistance) => new PriorUse(new Dictionary<string, decimal>
        {
            [UsagePots.Inpatient] = inpatient, [UsagePots.Outpatient] = outpatient, ["chronic:A"] = a, ["chronic:special"] = special,
            [UsagePots.CatastrophicBase] = catBase, [UsagePots.Catastrophic] = cat, [UsagePots.Assistance] = assistance,
        }));

    // Each special rule is present three times in four; the delivery rule compares with the inpatient rule or not.
    private static readonly Gen<PolicyRules> GenRules = Gen.Select(
        Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Bool,
        (chronic, delivery, catastrophic, assistance, ifMore) => OneStopPolicy.Full with
        {
            ChronicGroups = chronic > 0 ? OneStopPolicy.Full.ChronicGroups : [],
            Delivery = delivery > 0 ? OneStopPolicy.Delivery with { InpatientRuleIfMore = ifMore } : null,
            Catastrophic = catastrophic > 0 ? OneStopPolicy.Catastrophic : null,
            Assistance = assistance > 0 ? OneStopPolicy.Assistance : null,
        });

    private static readonly Gen<CalculationInput> GenInput = Gen.Select(
        Gen.Select(GenRules, GenLine.List[0, 8], Gen.Enum<FacilityLevel>(), Gen.Enum<VisitType>(), Gen.Bool),
        Gen.Select(GenPrior, GenDiagnosis, GenCertified, GenCategory),
        (a, b) => new CalculationInput(a.Item1, a.Item3, a.Item4, a.Item5, a.Item2, b.Item1)
        {
            DiagnosisCode = b.Item2, CertifiedDiseases = b.Item3, AssistanceCategory = b.Item4,
        });

    private static void Check(Action<CalculationInput, Settlement> property) =>
        GenInput.Sample(input => property(input, ReimbursementCalculator.Calculate(input)), iter: Iterations,
            print: input => $"{input} diagnosis={input.DiagnosisCode} certified=[{string.Join(",", input.CertifiedDiseases)}] "
                            + $"category={input.AssistanceCategory} prior=[{string.Join(",", input.PriorUse.Amounts)}] "
                            + $"lines=[{string.Join(",", input.Lines)}]");

    [Fact]
    public void No_payer_pays_more_than_its_cap_remaining_or_than_what_the_payers_before_it_left()
    {
        Check((input, s) =>
        {
            s.Reimbursement.Should().BeLessThanOrEqualTo(BasicCapLeft(input, s));
            var remains = s.Eligible - s.Reimbursement;
            foreach (var p in s.Payers)
            {
                var (cap, pot) = p.Payer switch
                {
                    Payer.Catastrophic => (input.Rules.Catastrophic!.AnnualCap, UsagePots.Catastrophic),
                    Payer.Assistance => (input.Rules.Assistance!.For(input.AssistanceCategory)!.AnnualCap, UsagePots.Assistance),
                };
                p.CapRemainingBefore.Should().Be(Math.Max(0m, cap - input.PriorUse[pot]));
                p.Amount.Should().BeInRange(0m, p.CapRemainingBefore);
                p.Amount.Should().BeLessThanOrEqualTo(remains);
                p.Base.Should().Be(remains);
                remains -= p.Amount;
            }
        });
    }

    [Fact]
    public void The_payers_come_in_order_and_only_when_the_year_and_the_person_have_them()
    {
        Check((input, s) =>
        {
            var expected = new List<Payer>();
            if (input.Rules.Catastrophic is not null) expected.Add(Payer.Catastrophic);
            if (input.Rules.Assistance?.For(input.AssistanceCategory) is not null) expected.Add(Payer.Assistance);
            s.Payers.Select(p => p.Payer).Should().Equal(expected);
        });
    }

    [Fact]
    public void Basic_fund_payers_and_patient_add_up_to_the_total_and_the_patient_pays_at_least_the_ineligible_part()
    {
        Check((input, s) =>
        {
            (s.Reimbursement + s.Payers.Sum(p => p.Amount) + s.PatientShare).Should().Be(s.Total);
            s.Total.Should().Be(input.Lines.Sum(l => l.Amount));
            s.PatientShare.Should().BeGreaterThanOrEqualTo(0m);
            s.PatientShare.Should().BeGreaterThanOrEqualTo(s.Total - s.Eligible);
            s.Payout.Should().Be(s.Total - s.PatientShare);
        });
    }

    [Fact]
    public void Every_amount_is_whole_fen()
    {
        Check((input, s) =>
        {
            var amounts = new[] { s.Reimbursement, s.PatientShare, s.Eligible, s.BeforeCaps, s.CapCut, s.CapRemainingAfter }
                .Concat(s.Payers.SelectMany(p => new[] { p.Base, p.BeforeCap, p.CapCut, p.Amount, p.CapRemainingBefore, p.CapRemainingAfter }))
                .Concat(s.Usage.Values);
            amounts.Should().OnlyContain(a => Money.IsWholeFen(a));
        });
    }

    [Fact]
    public void Each_payers_steps_reconcile()
    {
        Check((input, s) =>
        {
            foreach (var p in s.Payers)
            {
                (p.BeforeCap - p.CapCut).Should().Be(p.Amount);
                p.CapCut.Should().BeGreaterThanOrEqualTo(0m);
                p.CapRemainingAfter.Should().Be(p.CapRemainingBefore - p.Amount);
                p.Bands.Should().NotContain(b => b.Amount <= 0 || b.Ratio < 0 || b.Ratio > 1);
            }
        });
    }

    [Fact]
    public void Usage_adds_exactly_what_was_paid_to_each_pot_and_the_out_of_pocket_cost_to_the_threshold()
    {
        Check((input, s) =>
        {
            var expected = new Dictionary<string, decimal>();
            if (s.Reimbursement != 0) expected[UsagePots.ForBasic(s.Benefit, s.BenefitGroup)] = s.Reimbursement;
            if (input.Rules.Catastrophic is not null && s.Eligible - s.Reimbursement != 0)
                expected[UsagePots.CatastrophicBase] = s.Eligible - s.Reimbursement;
            if (s.PaidBy(Payer.Catastrophic) != 0) expected[UsagePots.Catastrophic] = s.PaidBy(Payer.Catastrophic);
            if (s.PaidBy(Payer.Assistance) != 0) expected[UsagePots.Assistance] = s.PaidBy(Payer.Assistance);
            s.Usage.Should().BeEquivalentTo(expected);
            s.Usage.Keys.Should().NotContain(k => !UsagePots.IsKnown(k));
        });
    }

    [Fact]
    public void The_kind_belongs_to_the_visits_setting_and_a_group_only_to_a_chronic_claim()
    {
        Check((input, s) =>
        {
            BenefitKinds.Of(s.Benefit).Setting.Should().Be(input.VisitType);
            (s.BenefitGroup is not null).Should().Be(s.Benefit == BenefitKind.ChronicDisease);
            (s.DeliverySubsidy is not null).Should().Be(s.Benefit == BenefitKind.Delivery);
            if (s.BenefitGroup is { } group)
            {
                var listed = input.Rules.ChronicGroups.Single(g => g.Code == group).Diseases;
                input.CertifiedDiseases.Should().Contain(c => listed.Any(d => IcdCodes.Matches(d.Code, c)),
                    "a chronic claim is paid under a group only for a disease of it certified for the person");
            }
        });
    }

    [Fact]
    public void A_claim_of_a_general_kind_gets_from_the_basic_fund_what_the_plain_policy_gives()
    {
        Check((input, s) =>
        {
            if (s.Benefit != BenefitKinds.General(input.VisitType)) return;
            var plain = ReimbursementCalculator.Calculate(input with { Rules = DefaultPolicy.Rules });
            s.Reimbursement.Should().Be(plain.Reimbursement);
        });
    }

    [Fact]
    public void A_policy_without_the_new_rules_settles_exactly_as_the_basic_calculator_did_before_kinds_and_payers()
    {
        GenInput.Select(i => i with { Rules = DefaultPolicy.Rules }).Sample(input =>
        {
            var s = ReimbursementCalculator.Calculate(input);
            var before = BasicBeforeKinds(input);
            s.Reimbursement.Should().Be(before);
            s.PatientShare.Should().Be(s.Total - before);
            s.Benefit.Should().Be(BenefitKinds.General(input.VisitType));
            s.Payers.Should().BeEmpty();
            s.Notes.Should().BeEmpty();
        }, iter: Iterations);
    }

    [Fact]
    public void Catastrophic_insurance_of_two_claims_in_sequence_is_within_a_fen_of_one_claim_of_their_combined_cost()
    {
        // County outpatient is not covered by the basic fund, so a bill's eligible amount is its out-of-pocket cost.
        // Each claim rounds its catastrophic amount once: two claims differ from one by at most one fen.
        Gen.Select(GenAmount, GenAmount, Cents(120_000), Cents(210_000)).Sample((x, y, catBase, cat) =>
        {
            var prior = new PriorUse(new Dictionary<string, decimal> { [UsagePots.CatastrophicBase] = catBase, [UsagePots.Catastrophic] = cat });
            Settlement Visit(decimal bill, PriorUse use) => OneStopPolicy.Settle(
                OneStopPolicy.Full, FacilityLevel.County, VisitType.Outpatient, [Claims.Covered(bill)], prior: use);
            var first = Visit(x, prior);
            var second = Visit(y, prior.Plus(first.Usage));
            var combined = Visit(x + y, prior);
            var sequence = first.PaidBy(Payer.Catastrophic) + second.PaidBy(Payer.Catastrophic);
            Math.Abs(sequence - combined.PaidBy(Payer.Catastrophic)).Should().BeLessThanOrEqualTo(0.01m);
        }, iter: Iterations);
    }

    /// <summary>What is left of the cap of the basic fund's pot for the settled kind.</summary>
    private static decimal BasicCapLeft(CalculationInput input, Settlement s)
    {
        var cap = s.Benefit switch
        {
            BenefitKind.Inpatient or BenefitKind.Delivery => input.Rules.InpatientAnnualCap,
            BenefitKind.Outpatient => input.Rules.OutpatientFor(input.Level).CapPerYear,
            BenefitKind.ChronicDisease => input.Rules.ChronicGroups.Single(g => g.Code == s.BenefitGroup).AnnualCap,
        };
        return Math.Max(0m, cap - input.PriorUse[UsagePots.ForBasic(s.Benefit, s.BenefitGroup)]);
    }

    /// <summary>The reimbursement as the calculator computed it before benefit kinds and payers (commit cf004ab), step by step.</summary>
    private static decimal BasicBeforeKinds(CalculationInput input)
    {
        var lines = input.Lines;
        var eligible = lines.Sum(l => l.Amount)
                       - lines.Where(l => l.Status == CatalogueStatus.Excluded).Sum(l => l.Amount)
                       - lines.Where(l => l.Status == CatalogueStatus.PartlyCovered).Sum(l => l.Amount * l.SelfPayShare);
        decimal afterPerVisit, annualCap, prior;
        if (input.VisitType == VisitType.Inpatient)
        {
            var rule = input.Rules.InpatientFor(input.Level);
            var reduction = input.Level == FacilityLevel.OutsideCounty && !input.Referred ? input.Rules.NoReferralReduction : 0m;
            var payable = 0m;
            var from = rule.Deductible;
            foreach (var band in rule.Bands)
            {
                var top = band.UpperLimit is { } upper ? Math.Min(eligible, upper) : eligible;
                if (top - from > 0) payable += (top - from) * Math.Max(0m, band.Ratio - reduction);
                from = band.UpperLimit is { } limit ? Math.Max(from, limit) : from;
            }

            (afterPerVisit, annualCap, prior) = (payable, input.Rules.InpatientAnnualCap, input.PriorUse.InpatientPaidThisYear);
        }
        else
        {
            var rule = input.Rules.OutpatientFor(input.Level);
            (afterPerVisit, annualCap, prior) = (Math.Min(eligible * rule.Ratio, rule.CapPerVisit), rule.CapPerYear,
                input.PriorUse.OutpatientPaidThisYear);
        }

        var remaining = Money.Round(Math.Max(0m, annualCap - prior));
        return Money.Round(Math.Min(afterPerVisit, remaining));
    }
}
