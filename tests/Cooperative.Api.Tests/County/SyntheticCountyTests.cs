using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.County;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Tests.County;

public sealed class SyntheticCountyTests(TinyCounty county) : IClassFixture<TinyCounty>
{
    /// <summary>What a claim pays out: the basic fund's part and the other payers' the county advances.</summary>
    private const string Payout = "(Reimbursement + CatastrophicPaid + AssistancePaid)";

    private MariaDbDatabase Db => county.App.Database!;

    [Fact]
    public async Task A_tiny_county_has_its_households_and_88_63_percent_of_its_residents_enrolled()
    {
        county.Outcome.ExitCode.Should().Be(0, county.Outcome.Message);
        var report = county.Report;
        report.Households.Should().Be(120);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM households")).Should().Be(120);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM persons")).Should().Be(report.Persons);
        report.Persons.Should().BeInRange(300, 600);
        var enrolled = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM enrollments WHERE FundYear = 2026");
        enrolled.Should().Be(report.Enrolled);
        ((double)enrolled / report.Persons).Should().BeApproximately(0.8863, 0.003);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM receipts")).Should().Be(report.Receipts);
    }

    [Fact]
    public async Task Claims_of_the_months_are_settled_at_every_level_and_none_is_refused()
    {
        var report = county.Report;
        report.Refusals.Should().BeEmpty();
        report.OutpatientClaims.Should().BeGreaterThan(100);
        report.InpatientClaims.Should().BeGreaterThan(3).And.BeLessThan(report.OutpatientClaims / 5);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims")).Should().Be(report.InpatientClaims + report.OutpatientClaims);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE DischargeDate < '2026-01-01' OR DischargeDate > '2026-03-31'")).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Status NOT IN ('Settled', 'UnderReview', 'Paid')")).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(DISTINCT FacilityLevel) FROM claims WHERE VisitType = 'Outpatient'")).Should().BeGreaterThan(2);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE FacilityLevel = 'Village' AND VisitType = 'Inpatient'")).Should().Be(0);
        (await Db.ScalarAsync<decimal>("SELECT AVG(Total) FROM claims WHERE VisitType = 'Inpatient'")).Should()
            .BeGreaterThan(10 * await Db.ScalarAsync<decimal>("SELECT AVG(Total) FROM claims WHERE VisitType = 'Outpatient'"));
    }

    [Fact]
    public Task The_ledger_balances_and_its_expenditure_and_receivables_are_what_the_claims_paid_kind_by_kind_and_payer_by_payer() =>
        CountyChecks.TheBooksAgreeWithTheClaimsAsync(county.App, county.Report);

    [Fact]
    public async Task The_year_s_policy_is_the_county_s_with_chronic_groups_delivery_catastrophic_insurance_and_assistance()
    {
        var policy = (await (await county.App.CreateClient().GetAsync("/api/policies/2026")).ShouldBeOkAsync<JsonElement>()).GetProperty("policy");

        policy.GetProperty("chronicGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()).Should().Equal("chronic", "special");
        policy.GetProperty("chronicGroups")[0].GetProperty("diseases").EnumerateArray().Select(d => d.GetProperty("code").GetString())
            .Should().Equal("I10", "E11");
        policy.GetProperty("chronicGroups")[1].GetProperty("diseases").EnumerateArray().Select(d => d.GetProperty("code").GetString())
            .Should().Contain("N18.5");
        policy.GetProperty("delivery").GetProperty("diagnosisCodes").EnumerateArray().Select(c => c.GetString()).Should().Contain(["O80", "O82"]);
        policy.GetProperty("catastrophic").GetProperty("threshold").GetDecimal().Should().Be(12_000m);
        policy.GetProperty("assistance").GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString())
            .Should().BeEquivalentTo("Dibao", "Wubao", "Tekun");
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM fund_year_policies WHERE FundYear = 2026")).Should().Be(1, "version 1, edited before the year began");
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE EntityType = 'FundYearPolicy' AND Actor = 'admin' AND AtUtc < '2025-09-01'"))
            .Should().Be(1, "the administrator published it in the summer before the campaign");
    }

    [Fact]
    public async Task The_register_holds_assisted_residents_and_only_they_get_medical_assistance()
    {
        var report = county.Report;
        foreach (var category in new[] { "Dibao", "Wubao", "Tekun" })
            (await Db.ScalarAsync<long>($"SELECT COUNT(*) FROM persons WHERE Category = '{category}'")).Should()
                .BeGreaterThan(0, category).And.Be(report.PersonsByCategory![category]);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM persons WHERE Category = 'Wubao' OR Category = 'Tekun'"))
            .Should().Be(await Db.ScalarAsync<long>(
                "SELECT COUNT(*) FROM persons p JOIN memberships m ON m.PersonId = p.Id WHERE p.Category IN ('Wubao', 'Tekun') AND m.Relationship = 'Head' " +
                "AND (SELECT COUNT(*) FROM memberships o WHERE o.HouseholdId = m.HouseholdId) = 1 AND TIMESTAMPDIFF(YEAR, p.BirthDate, '2025-09-01') >= 60"),
                "五保 and 特困 residents are elders living alone");
        report.AssistanceClaims.Should().BeGreaterThan(0);
        await CountyChecks.TheOtherPayersPaidWhatTheirRulesGiveAsync(Db);
    }

    [Fact]
    public async Task Older_adults_certified_on_1_January_have_their_visits_paid_under_the_chronic_group()
    {
        var report = county.Report;
        await CountyChecks.ChronicClaimsAreThoseOfCertifiedPatientsAsync(Db, report);
        // About a tenth of older adults with hypertension or diabetes: 2–3 % of the enrolled, never younger than 45.
        ((double)report.Certifications / report.Enrolled).Should().BeInRange(0.01, 0.06);
        (await Db.ScalarAsync<long>(
                "SELECT COUNT(*) FROM disease_certifications d JOIN persons p ON p.Id = d.PersonId WHERE d.DiseaseCode <> 'N18.5' AND 2026 - YEAR(p.BirthDate) < 45"))
            .Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM disease_certifications WHERE ValidFrom <> '2026-01-01' OR ValidTo <> '2026-12-31'")).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM disease_certifications d JOIN facilities f ON f.Code = d.FacilityCode WHERE f.Level <> 'County'"))
            .Should().Be(0, "county hospitals certify");
        // Monthly refills, January to March: a few visits of each certified patient.
        report.ClaimsByKind!["chronic"].Should().BeInRange(report.Certifications, 6 * report.Certifications);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE BenefitGroup = 'chronic' AND ABS(Reimbursement - Eligible * 0.5) > 0.01"))
            .Should().Be(0, "the group pays half (of the unrounded eligible cost) within its yearly cap, which no one reaches in a quarter");
    }

    [Fact]
    public async Task Window_claims_are_paid_on_the_spot_and_facilities_are_paid_each_month()
    {
        var report = county.Report;
        (await Db.ScalarAsync<long>($"SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Settled' AND {Payout} > 0"))
            .Should().Be(0, "a settled paper claim is paid at the window at once");
        var paid = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Paid'");
        paid.Should().BeGreaterThan(0).And.Be(report.WindowClaimsPaid);
        (await Db.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Paid' AND (PaymentMethod = 'BankTransfer') <> ({Payout} >= 1000)"))
            .Should().Be(0);
        report.PaidToResidents.Should().Be(await Db.ScalarAsync<decimal>($"SELECT SUM({Payout}) FROM claims WHERE Channel = 'Window' AND Status = 'Paid'"));
        // What residents are still owed is exactly the window claims waiting for review.
        (await Db.ScalarAsync<decimal>(
                $"SELECT COALESCE(SUM(Credit) - SUM(Debit), 0) FROM journal_lines WHERE AccountCode = '{ChartOfAccounts.PayableToResidents}'"))
            .Should().Be(await Db.ScalarAsync<decimal>(
                $"SELECT COALESCE(SUM({Payout}), 0) FROM claims WHERE Channel = 'Window' AND Status = 'UnderReview'"));

        // January to March have ended and their 5th-of-next-month paydays have passed: each was settled once.
        (await Db.ScalarAsync<string>(
                "SELECT GROUP_CONCAT(DISTINCT LEFT(SourceId, 7) ORDER BY SourceId) FROM journal_entries WHERE SourceType = 'facility-settlement'"))
            .Should().Be("2026-01,2026-02,2026-03");
        // Paid: every direct settlement up to 31 March (county time) but those held for review; still owed: those settled in
        // April, paid on 5 May, and the held ones. Each paid claim is marked paid by its month's settlement.
        const string april = "'2026-03-31 16:00:00'";
        (await Db.ScalarAsync<decimal>(
                $"SELECT SUM(Credit) - SUM(Debit) FROM journal_lines WHERE AccountCode = '{ChartOfAccounts.PayableToFacilities}'"))
            .Should().Be(await Db.ScalarAsync<decimal>(
                $"SELECT COALESCE(SUM({Payout}), 0) FROM claims WHERE Channel = 'Facility' AND (SettledUtc >= {april} OR Status = 'UnderReview')"));
        report.PaidToFacilities.Should().BeGreaterThan(0)
            .And.Be(await Db.ScalarAsync<decimal>($"SELECT SUM({Payout}) FROM claims WHERE Channel = 'Facility' AND Status = 'Paid'"))
            .And.Be(await Db.ScalarAsync<decimal>(
                $"SELECT SUM({Payout}) FROM claims WHERE Channel = 'Facility' AND SettledUtc < {april} AND Status <> 'UnderReview'"));
        (await Db.ScalarAsync<long>(
                "SELECT COUNT(*) FROM claims c JOIN journal_entries e ON e.Id = c.PaymentEntryId WHERE c.Channel = 'Facility' AND e.SourceType <> 'facility-settlement'"))
            .Should().Be(0, "a facility's claim is paid by its monthly settlement only");
        var admin = await county.App.ClientForAsync("admin");
        var statement = await (await admin.GetAsync("/api/ledger/facility-settlements/2026-02/" +
            await Db.ScalarAsync<string>("SELECT FacilityCode FROM claims WHERE Channel = 'Facility' AND DischargeDate BETWEEN '2026-02-01' AND '2026-02-28' LIMIT 1")))
            .ShouldBeOkAsync<JsonElement>();
        statement.ToString().Should().Contain("2026-02");
    }

    [Fact]
    public async Task Each_month_is_closed_after_its_payday_with_the_risk_reserve_set_aside()
    {
        var report = county.Report;
        var auditor = await county.App.ClientForAsync("auditor");
        var periods = await (await auditor.GetAsync("/api/ledger/periods")).ShouldBeOkAsync<List<JsonElement>>();
        var closed = periods.Where(p => p.GetProperty("isClosed").GetBoolean()).Select(p => p.GetProperty("period").GetString()).ToList();
        // January to March: their paydays (5 February, March and April) have passed; April's (5 May) has not.
        closed.Should().Contain(["2026-01", "2026-02", "2026-03"]).And.NotContain("2026-04").And.BeInAscendingOrder();
        report.MonthsClosed.Should().Be(closed.Count);
        report.RiskReserve.Should().BeGreaterThan(0).And.Be(await Db.ScalarAsync<decimal>(
            $"SELECT SUM(Credit) - SUM(Debit) FROM journal_lines WHERE AccountCode = '{ChartOfAccounts.RiskReserve}'"));
        // A month without income (claims only) sets nothing aside: at most one reserve entry a closed month.
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'risk-reserve'"))
            .Should().BeInRange(1, closed.Count);
    }

    [Fact]
    public async Task Contributions_and_subsidies_follow_the_policy_of_the_year()
    {
        var policy = await (await county.App.CreateClient().GetAsync("/api/policies/2026")).ShouldBeOkAsync<JsonElement>();
        var json = policy.ToString();
        var subsidyIncome = await Db.ScalarAsync<decimal>("SELECT SUM(Credit) - SUM(Debit) FROM journal_lines WHERE AccountCode LIKE '4101.%'");
        var contributionIncome = await Db.ScalarAsync<decimal>("SELECT SUM(Credit) - SUM(Debit) FROM journal_lines WHERE AccountCode LIKE '4001.%'");
        var charged = await Db.ScalarAsync<decimal>("SELECT SUM(Contribution) FROM enrollments");

        contributionIncome.Should().Be(charged);
        (subsidyIncome / county.Report.Enrolled).Should().Be(SubsidyPerPerson(policy), json);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'receipt' AND `Date` NOT BETWEEN '2025-10-08' AND '2025-12-31'"))
            .Should().Be(0);
    }

    [Fact]
    public async Task The_audit_chain_of_the_county_verifies()
    {
        var admin = await county.App.ClientForAsync("admin");
        (await admin.PostAsync("/api/audit/seal", null)).EnsureSuccessStatusCode();
        var verification = await (await (await county.App.ClientForAsync("auditor")).GetAsync("/api/audit/verify")).ShouldBeOkAsync<JsonElement>();

        verification.GetProperty("intact").GetBoolean().Should().BeTrue(verification.ToString());
        verification.GetProperty("verified").GetInt64().Should().BeGreaterThan(county.Report.InpatientClaims + county.Report.OutpatientClaims);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE EntityType = 'Claim' AND Actor LIKE 'facility-%'")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Asking_again_for_the_same_county_finds_it_complete_and_another_is_refused()
    {
        var again = await TinyCounty.GenerateAsync(county.App, TinyCounty.Request());
        var other = await TinyCounty.GenerateAsync(county.App, TinyCounty.Request(seed: 8));

        again.ExitCode.Should().Be(0);
        again.Message.Should().Contain("无需再生成");
        again.Report!.Reimbursed.Should().Be(county.Report.Reimbursed);
        other.ExitCode.Should().Be(1);
        other.Message.Should().Contain("不能再生成");
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM households")).Should().Be(120);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_county()
    {
        await using var second = await CooperativeApp.StartAsync(s => s["Audit:SealIntervalSeconds"] = "3600", TinyCounty.Clock());
        var outcome = await TinyCounty.GenerateAsync(second, TinyCounty.Request() with { Workers = 2 });

        var (a, b) = (county.Report, outcome.Report!);
        (b.Households, b.Persons, b.Enrolled, b.Receipts).Should().Be((a.Households, a.Persons, a.Enrolled, a.Receipts));
        (b.InpatientClaims, b.OutpatientClaims, b.UnderReview).Should().Be((a.InpatientClaims, a.OutpatientClaims, a.UnderReview));
        (b.Billed, b.Reimbursed).Should().Be((a.Billed, a.Reimbursed));
        (b.WindowClaimsPaid, b.PaidToResidents, b.FacilityPayments, b.PaidToFacilities)
            .Should().Be((a.WindowClaimsPaid, a.PaidToResidents, a.FacilityPayments, a.PaidToFacilities));
        (b.Certifications, b.ReferralFilings, b.ReferredWithFiling, b.ReferredWithoutFiling)
            .Should().Be((a.Certifications, a.ReferralFilings, a.ReferredWithFiling, a.ReferredWithoutFiling));
        (b.CatastrophicClaims, b.CatastrophicPaid, b.AssistanceClaims, b.AssistancePaid)
            .Should().Be((a.CatastrophicClaims, a.CatastrophicPaid, a.AssistanceClaims, a.AssistancePaid));
        b.ClaimsByKind.Should().Equal(a.ClaimsByKind);
        b.PersonsByCategory.Should().Equal(a.PersonsByCategory);
        (await second.Database!.ScalarAsync<string>("SELECT GROUP_CONCAT(IdNumber ORDER BY IdNumber) FROM persons"))
            .Should().Be(await county.App.Database!.ScalarAsync<string>("SELECT GROUP_CONCAT(IdNumber ORDER BY IdNumber) FROM persons"));
    }

    private static decimal SubsidyPerPerson(JsonElement policy)
    {
        var subsidy = policy.TryGetProperty("subsidy", out var s) ? s : policy.GetProperty("policy").GetProperty("subsidy");
        return subsidy.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Name != "total").Sum(p => p.Value.GetDecimal());
    }
}
