using System.Globalization;
using System.Text.Json;
using Cooperative.Api.County;
using Cooperative.Api.Policy;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Tests.County;

/// <summary>
/// What must hold of a generated county whatever its size: the books agree with the claims kind by kind and payer by
/// payer, each payer paid what its rule gives, and the chronic benefit went to certified patients only.
/// </summary>
internal static class CountyChecks
{
    /// <summary>Claims whose settlement stands (the generator reverses none).</summary>
    public const string Standing = "Status IN ('Settled', 'UnderReview', 'Paid')";

    private static readonly PolicyDocument Policy = CountyPolicy.Of(PolicyMapping.DefaultDocument());

    public static async Task TheBooksAgreeWithTheClaimsAsync(CooperativeApp app, CountyReport report)
    {
        var db = app.Database!;
        var admin = await app.ClientForAsync("admin");
        var invariant = await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        invariant.GetProperty("holds").GetBoolean().Should().BeTrue(invariant.ToString());
        var agreement = await (await admin.GetAsync("/api/ledger/reconciliation")).ShouldBeOkAsync<JsonElement>();
        agreement.GetProperty("agrees").GetBoolean().Should().BeTrue("claims, usage, payers and payments agree with the books: " + agreement);

        (await db.ScalarAsync<decimal>("SELECT SUM(Reimbursement) FROM claims")).Should().BeGreaterThan(0).And.Be(report.Reimbursed)
            .And.Be(await Balance(db, "AccountCode LIKE '500_.%'"));
        foreach (var kind in BenefitKinds.All)
        {
            (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims WHERE Benefit = '{kind.Kind}'")).Should()
                .Be(report.ClaimsByKind![kind.Code], kind.Code);
            (await db.ScalarAsync<decimal>($"SELECT COALESCE(SUM(Reimbursement), 0) FROM claims WHERE Benefit = '{kind.Kind}'")).Should()
                .Be(await Balance(db, $"AccountCode LIKE '{kind.ExpenseAccount}.%'"), $"the basic fund's {kind.Code} expense is its claims'");
        }
        // The county advanced the other payers' parts at the window: each is owed back exactly what its claims say.
        (await db.ScalarAsync<decimal>("SELECT SUM(CatastrophicPaid) FROM claims")).Should().Be(report.CatastrophicPaid)
            .And.Be(await Balance(db, $"AccountCode = '{ChartOfAccounts.CatastrophicReceivable}'"));
        (await db.ScalarAsync<decimal>("SELECT SUM(AssistancePaid) FROM claims")).Should().Be(report.AssistancePaid)
            .And.Be(await Balance(db, $"AccountCode = '{ChartOfAccounts.AssistanceReceivable}'"));
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE CatastrophicPaid > 0")).Should().Be(report.CatastrophicClaims);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE AssistancePaid > 0")).Should().Be(report.AssistanceClaims);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Total - Reimbursement - CatastrophicPaid - AssistancePaid <> PatientShare"))
            .Should().Be(0, "the patient pays what every payer left");
    }

    /// <summary>
    /// Catastrophic insurance paid each person what its bands give on his year's eligible out-of-pocket cost above the
    /// threshold (a fen of rounding a claim); assistance paid its ratio of what remained, to assisted residents only.
    /// </summary>
    public static async Task TheOtherPayersPaidWhatTheirRulesGiveAsync(MariaDbDatabase db)
    {
        (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims WHERE {Standing} AND CatastrophicBase <> GREATEST(Eligible - Reimbursement, 0)"))
            .Should().Be(0, "every claim adds what the basic fund left of its eligible cost to the catastrophic base");
        (await db.ScalarAsync<long>($"""
                SELECT COUNT(*) FROM (SELECT SUM(CatastrophicBase) AS b, SUM(CatastrophicPaid) AS paid, COUNT(*) AS n
                                      FROM claims WHERE {Standing} GROUP BY EnrollmentId) t
                WHERE ABS(t.paid - LEAST({Sql(Policy.Catastrophic!.AnnualCap)}, {CatastrophicBands("t.b")})) > 0.01 * t.n
                """)).Should().Be(0, "catastrophic insurance pays by its bands above the threshold, nothing below");

        var assisted = string.Join(", ", Policy.Assistance!.Categories.Select(c => $"'{c.Category}'"));
        (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims c JOIN persons p ON p.Id = c.PersonId WHERE c.AssistancePaid > 0 AND p.Category NOT IN ({assisted})"))
            .Should().Be(0, "only 低保, 五保 and 特困 residents are assisted");
        var ratio = "CASE p.Category " + string.Concat(Policy.Assistance.Categories.Select(c => $"WHEN '{c.Category}' THEN {Sql(c.Ratio)} ")) + "END";
        var cap = "CASE p.Category " + string.Concat(Policy.Assistance.Categories.Select(c => $"WHEN '{c.Category}' THEN {Sql(c.AnnualCap)} ")) + "END";
        (await db.ScalarAsync<long>($"""
                SELECT COUNT(*) FROM claims c JOIN persons p ON p.Id = c.PersonId
                WHERE c.{Standing} AND p.Category IN ({assisted})
                  AND (SELECT SUM(x.AssistancePaid) FROM claims x WHERE x.EnrollmentId = c.EnrollmentId) < {cap}
                  AND c.AssistancePaid <> ROUND({ratio} * GREATEST(c.Eligible - c.Reimbursement - c.CatastrophicPaid, 0), 2)
                """)).Should().Be(0, "assistance pays its category's ratio of what the fund and the insurer left");
    }

    /// <summary>The chronic benefit went to certified patients' visits of their disease, and every such visit got it.</summary>
    public static async Task ChronicClaimsAreThoseOfCertifiedPatientsAsync(MariaDbDatabase db, CountyReport report)
    {
        const string certified = """
            EXISTS (SELECT 1 FROM disease_certifications d WHERE d.PersonId = c.PersonId AND c.DiagnosisCode LIKE CONCAT(d.DiseaseCode, '%')
                    AND c.AdmissionDate BETWEEN d.ValidFrom AND d.ValidTo)
            """;
        var listed = string.Join(" OR ", Policy.ChronicGroups!.SelectMany(g => g.Diseases).Select(d => $"c.DiagnosisCode LIKE '{d.Code}%'"));
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM disease_certifications")).Should().Be(report.Certifications).And.BeGreaterThan(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE EntityType = 'DiseaseCertification' AND Actor = 'window'"))
            .Should().Be(report.Certifications, "each certification is in the audit trail");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Benefit = 'ChronicDisease'")).Should().BeGreaterThan(0);
        (await db.ScalarAsync<long>($"""
                SELECT COUNT(*) FROM claims c WHERE c.Benefit = 'ChronicDisease' AND (c.VisitType <> 'Outpatient' OR NOT {certified}
                    OR NOT EXISTS (SELECT 1 FROM disease_certifications g WHERE g.PersonId = c.PersonId AND g.GroupCode = c.BenefitGroup))
                """)).Should().Be(0, "a chronic claim is an outpatient visit of a certified disease, under its group");
        (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims c WHERE c.VisitType = 'Outpatient' AND c.Benefit <> 'ChronicDisease' AND {certified}"))
            .Should().Be(0, "every visit of a certified patient for his disease is paid under its group");
        var uncertified = await db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims c WHERE c.VisitType = 'Outpatient' AND ({listed}) AND NOT {certified}");
        uncertified.Should().BeGreaterThan(0, "residents with those diseases but no certification come too");
        (await db.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM claims c WHERE c.VisitType = 'Outpatient' AND ({listed}) AND NOT {certified} AND c.Benefit = 'Outpatient' AND c.SettlementJson LIKE '%没有有效的病种认定%'"))
            .Should().Be(uncertified, "a listed disease without a certification is paid as general outpatient, and the statement says why");
    }

    private static string CatastrophicBands(string b)
    {
        var c = Policy.Catastrophic!;
        var from = c.Threshold;
        var terms = new List<string>();
        foreach (var band in c.Bands)
        {
            var above = $"GREATEST({b} - {Sql(from)}, 0)";
            terms.Add($"{Sql(band.Ratio)} * " + (band.UpperLimit is { } upper ? $"LEAST({above}, {Sql(upper - from)})" : above));
            from = band.UpperLimit ?? from;
        }
        return string.Join(" + ", terms);
    }

    private static Task<decimal> Balance(MariaDbDatabase db, string where) =>
        db.ScalarAsync<decimal>($"SELECT COALESCE(SUM(Debit) - SUM(Credit), 0) FROM journal_lines WHERE {where}");

    private static string Sql(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
