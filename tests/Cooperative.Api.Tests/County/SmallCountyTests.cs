using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.County;

public sealed class SmallCountyTests(SmallCounty county) : IClassFixture<SmallCounty>
{
    private MariaDbDatabase Db => county.App.Database!;

    /// <summary>The window's share of a year: January to October.</summary>
    private static readonly double YearShare = (new DateOnly(2026, 11, 1).DayNumber - new DateOnly(2026, 1, 1).DayNumber) / 365.0;

    [Fact]
    public async Task A_small_county_s_year_is_generated_and_no_claim_or_register_entry_is_refused()
    {
        county.Outcome.ExitCode.Should().Be(0, county.Outcome.Message);
        county.Report.Refusals.Should().BeEmpty();
        county.Report.Households.Should().Be(600);
        await CountyChecks.TheBooksAgreeWithTheClaimsAsync(county.App, county.Report);
    }

    [Fact]
    public async Task Assisted_residents_are_about_4_percent_on_dibao_and_half_a_percent_under_state_support()
    {
        var report = county.Report;
        var persons = (double)report.Persons;
        (report.PersonsByCategory!["Dibao"] / persons).Should().BeInRange(0.02, 0.07);
        ((report.PersonsByCategory["Wubao"] + report.PersonsByCategory["Tekun"]) / persons).Should().BeInRange(0.001, 0.012);
        report.PersonsByCategory["Tekun"].Should().BeGreaterThan(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM persons WHERE Category = 'Dibao'")).Should().Be(report.PersonsByCategory["Dibao"]);
        await CountyChecks.TheOtherPayersPaidWhatTheirRulesGiveAsync(Db);
    }

    [Fact]
    public async Task Deliveries_come_at_about_10_a_year_per_1000_enrolled_women_20_to_40_at_township_and_county_hospitals()
    {
        var deliveries = county.Report.ClaimsByKind!["delivery"];
        (deliveries / (county.Report.Enrolled * YearShare) * 1000).Should().BeInRange(5, 16, "births are about 10 per 1,000 a year");
        (await Db.ScalarAsync<long>("""
                SELECT COUNT(*) FROM claims c JOIN persons p ON p.Id = c.PersonId WHERE c.Benefit = 'Delivery'
                AND NOT (c.VisitType = 'Inpatient' AND c.FacilityLevel IN ('Township', 'County') AND (c.DiagnosisCode LIKE 'O80%' OR c.DiagnosisCode LIKE 'O82%')
                         AND p.Gender = 'Female' AND 2026 - YEAR(p.BirthDate) BETWEEN 20 AND 40)
                """)).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE DiagnosisCode LIKE 'O8%' AND Benefit <> 'Delivery'")).Should().Be(0);
        var caesareans = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE Benefit = 'Delivery' AND DiagnosisCode LIKE 'O82%'");
        ((double)caesareans / deliveries).Should().BeInRange(0.1, 0.7, "about a third are caesareans");
        // The fixed subsidy of the level at least (never more than the eligible cost), or the inpatient rule when it pays more.
        (await Db.ScalarAsync<long>("""
                SELECT COUNT(*) FROM claims WHERE Benefit = 'Delivery'
                AND Reimbursement < LEAST(CASE FacilityLevel WHEN 'Township' THEN 1000 WHEN 'County' THEN 1200 END, Eligible)
                """)).Should().Be(0);
    }

    [Fact]
    public async Task Referrals_filed_before_admission_count_and_those_claimed_without_one_are_paid_as_unreferred()
    {
        var report = county.Report;
        var outside = await Db.ScalarAsync<long>("SELECT COUNT(*) FROM claims WHERE FacilityLevel = 'OutsideCounty'");
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM referral_filings")).Should().Be(report.ReferralFilings);
        ((double)report.ReferralFilings / outside).Should().BeInRange(0.3, 0.9, "most go outside the county with a referral filed");
        report.ReferredWithFiling.Should().Be(report.ReferralFilings, "each filing is for one admission");
        (await Db.ScalarAsync<long>("""
                SELECT COUNT(*) FROM claims c JOIN referral_filings r ON r.Number = c.ReferralFiling
                WHERE r.PersonId <> c.PersonId OR r.FiledOn > c.AdmissionDate OR r.ValidFrom > c.AdmissionDate OR r.Destination <> c.FacilityName
                   OR LEFT(r.DiagnosisCode, 3) <> LEFT(c.DiagnosisCode, 3) OR c.SettlementJson NOT LIKE '%"ratioReduction":0,%'
                """)).Should().Be(0, "a filing made on or before the admission, for that hospital and diagnosis, makes it referred");
        report.ReferredWithoutFiling.Should().BeGreaterThan(0);
        (await Db.ScalarAsync<long>("""
                SELECT COUNT(*) FROM claims WHERE FacilityLevel = 'OutsideCounty' AND Referred AND ReferralFiling IS NULL
                AND SettlementJson LIKE '%没有转诊备案，按未转诊报销%' AND SettlementJson LIKE '%"ratioReduction":0.1%'
                """)).Should().Be(report.ReferredWithoutFiling, "a referral claimed without a filing is paid ten points lower, and the statement says why");
        (await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE EntityType = 'ReferralFiling' AND Actor = 'window'"))
            .Should().Be(report.ReferralFilings);
    }

    [Fact]
    public async Task Catastrophic_insurance_pays_the_few_whose_year_costs_them_more_than_12000()
    {
        var report = county.Report;
        report.CatastrophicClaims.Should().BeGreaterThan(0);
        var insured = await Db.ScalarAsync<long>("SELECT COUNT(DISTINCT EnrollmentId) FROM claims WHERE CatastrophicPaid > 0");
        ((double)insured / report.Enrolled).Should().BeInRange(0.0005, 0.02);
        (await Db.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM (SELECT SUM(CatastrophicBase) b, SUM(CatastrophicPaid) p FROM claims WHERE {CountyChecks.Standing} GROUP BY EnrollmentId) t WHERE t.p > 0 AND t.b <= 12000"))
            .Should().Be(0);
        await CountyChecks.TheOtherPayersPaidWhatTheirRulesGiveAsync(Db);
    }

    [Fact]
    public async Task Chronic_patients_certified_on_1_January_come_for_their_drugs_through_the_year()
    {
        var report = county.Report;
        await CountyChecks.ChronicClaimsAreThoseOfCertifiedPatientsAsync(Db, report);
        ((double)report.Certifications / report.Enrolled).Should().BeInRange(0.01, 0.06);
        // Ten refills a year, a twentieth of them here (the size's outpatient scale), and dialysis every week unscaled.
        report.ClaimsByKind!["chronic"].Should().BeGreaterThan(0);
    }
}
