using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.County;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Tests.County;

public sealed class SyntheticCountyTests(TinyCounty county) : IClassFixture<TinyCounty>
{
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
    public async Task The_ledger_balances_and_its_claim_expenditure_is_what_the_claims_reimbursed()
    {
        var admin = await county.App.ClientForAsync("admin");
        var invariant = await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        invariant.GetProperty("holds").GetBoolean().Should().BeTrue(invariant.ToString());
        var agreement = await (await admin.GetAsync("/api/ledger/reconciliation")).ShouldBeOkAsync<JsonElement>();
        agreement.GetProperty("agrees").GetBoolean().Should().BeTrue("claims, usage and payments agree with the books: " + agreement);

        var reimbursed = await Db.ScalarAsync<decimal>("SELECT SUM(Reimbursement) FROM claims");
        var expenditure = await Db.ScalarAsync<decimal>(
            "SELECT SUM(Debit) - SUM(Credit) FROM journal_lines WHERE AccountCode LIKE '5001.%' OR AccountCode LIKE '5002.%'");
        reimbursed.Should().BeGreaterThan(0).And.Be(expenditure).And.Be(county.Report.Reimbursed);
    }

    [Fact]
    public async Task Window_claims_are_paid_on_the_spot_and_facilities_are_paid_each_month()
    {
        var report = county.Report;
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Settled' AND Reimbursement > 0"))
            .Should().Be(0, "a settled paper claim is paid at the window at once");
        var paid = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Paid'");
        paid.Should().BeGreaterThan(0).And.Be(report.WindowClaimsPaid);
        (await Db.ScalarAsync<long>(
                "SELECT COUNT(*) FROM claims WHERE Channel = 'Window' AND Status = 'Paid' AND (PaymentMethod = 'BankTransfer') <> (Reimbursement >= 1000)"))
            .Should().Be(0);
        report.PaidToResidents.Should().Be(await Db.ScalarAsync<decimal>("SELECT SUM(Reimbursement) FROM claims WHERE Channel = 'Window' AND Status = 'Paid'"));
        // What residents are still owed is exactly the window claims waiting for review.
        (await Db.ScalarAsync<decimal>(
                $"SELECT COALESCE(SUM(Credit) - SUM(Debit), 0) FROM journal_lines WHERE AccountCode = '{ChartOfAccounts.PayableToResidents}'"))
            .Should().Be(await Db.ScalarAsync<decimal>(
                "SELECT COALESCE(SUM(Reimbursement), 0) FROM claims WHERE Channel = 'Window' AND Status = 'UnderReview'"));

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
                $"SELECT COALESCE(SUM(Reimbursement), 0) FROM claims WHERE Channel = 'Facility' AND (SettledUtc >= {april} OR Status = 'UnderReview')"));
        report.PaidToFacilities.Should().BeGreaterThan(0)
            .And.Be(await Db.ScalarAsync<decimal>($"SELECT SUM(Reimbursement) FROM claims WHERE Channel = 'Facility' AND Status = 'Paid'"))
            .And.Be(await Db.ScalarAsync<decimal>(
                $"SELECT SUM(Reimbursement) FROM claims WHERE Channel = 'Facility' AND SettledUtc < {april} AND Status <> 'UnderReview'"));
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
        (await second.Database!.ScalarAsync<string>("SELECT GROUP_CONCAT(IdNumber ORDER BY IdNumber) FROM persons"))
            .Should().Be(await county.App.Database!.ScalarAsync<string>("SELECT GROUP_CONCAT(IdNumber ORDER BY IdNumber) FROM persons"));
    }

    private static decimal SubsidyPerPerson(JsonElement policy)
    {
        var subsidy = policy.TryGetProperty("subsidy", out var s) ? s : policy.GetProperty("policy").GetProperty("subsidy");
        return subsidy.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Name != "total").Sum(p => p.Value.GetDecimal());
    }
}
