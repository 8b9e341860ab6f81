using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Facilities.FacilityCalls;

namespace Cooperative.Api.Tests.Facilities;

public sealed class InspectionTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_inspection_with_a_warning_and_a_penalty_warns_the_facility_and_posts_the_penalty_to_the_ledger()
    {
        var admin = await _app.ClientForAsync("admin");

        var recorded = await admin.InspectOkAsync("T0005",
            Finding(7, warning: true, description: "挂床住院3例"), Finding(4, penalty: 5000.50m, description: "超标准收费"));

        recorded.GetProperty("facilityStatus").GetString().Should().Be("warned");
        recorded.GetProperty("uncorrectedWarningsInTerm").GetInt32().Should().Be(1);
        var findings = recorded.GetProperty("inspection").GetProperty("findings").EnumerateArray().ToList();
        var penalty = findings.Single(f => f.GetProperty("penalty").GetDecimal() > 0);
        penalty.GetProperty("dutyTitle").GetString().Should().Be("执行物价政策并公示收费");
        penalty.GetProperty("penaltyEntryNumber").GetString().Should().StartWith($"记-{Today.Year}-");
        var id = penalty.GetProperty("id").GetString();
        var db = _app.Database!;
        (await db.ScalarAsync<string>($"SELECT CAST(`Date` AS CHAR) FROM journal_entries WHERE SourceType = 'penalty' AND SourceId = '{id}'"))
            .Should().Be(Today.Iso());
        var lines = $"SELECT {{0}} FROM journal_lines l JOIN journal_entries e ON e.Id = l.EntryId WHERE e.SourceId = '{id}'";
        (await db.ScalarAsync<decimal>(string.Format(lines, "SUM(l.Debit)") + " AND l.AccountCode = '2001' AND l.FacilityCode = 'T0005'")).Should().Be(5000.50m);
        (await db.ScalarAsync<decimal>(string.Format(lines, "SUM(l.Credit)") + " AND l.AccountCode = '4301'")).Should().Be(5000.50m);
        (await db.ScalarAsync<long>(string.Format(lines, "COUNT(*)"))).Should().Be(2);
        (await admin.EligibilityAsync("T0005")).GetProperty("eligible").GetBoolean().Should().BeTrue("a warned facility may still submit claims");
    }

    [Fact]
    public async Task A_third_uncorrected_warning_in_the_term_revokes_the_designation_and_ends_the_letter()
    {
        var admin = await _app.ClientForAsync("admin");
        var facility = await _app.FacilityClientAsync("H0002");
        await admin.InspectOkAsync("H0002", Finding(2, warning: true));
        var second = await admin.InspectOkAsync("H0002", Finding(5, warning: true));
        second.GetProperty("facilityStatus").GetString().Should().Be("warned");

        var third = await admin.InspectOkAsync("H0002", Finding(9, warning: true, description: "费用数据迟报"));

        third.GetProperty("facilityStatus").GetString().Should().Be("revoked");
        third.GetProperty("uncorrectedWarningsInTerm").GetInt32().Should().Be(3);
        var history = await (await admin.GetAsync("/api/facilities/H0002/status-history")).ShouldBeOkAsync<JsonElement>();
        var last = history.EnumerateArray().Last();
        last.GetProperty("from").GetString().Should().Be("warned");
        last.GetProperty("to").GetString().Should().Be("revoked");
        last.GetProperty("reason").GetString().Should().Contain("3次书面警告未整改");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facility_contracts WHERE FacilityCode = 'H0002' AND TerminatedOn IS NOT NULL"))
            .Should().Be(1);
        var eligibility = await admin.EligibilityAsync("H0002");
        eligibility.GetProperty("eligible").GetBoolean().Should().BeFalse();
        eligibility.GetProperty("code").GetString().Should().Be("facility_not_designated");
        // A facility out of service loses its live tokens and gets no new one; its client is kept for a new designation.
        await (await facility.GetAsync("/api/facilities/H0002/eligibility")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_no_longer_valid");
        (await _app.ClientCredentialsGrantAsync("facility-H0002", "demo-facility-H0002")).IsSuccessStatusCode.Should().BeFalse();
    }

    [Fact]
    public async Task Corrected_warnings_do_not_count_towards_revocation()
    {
        var admin = await _app.ClientForAsync("admin");
        var first = await admin.InspectOkAsync("T0007", Finding(1, warning: true), Finding(3, warning: true));
        var corrected = first.GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetString();
        await (await admin.PostAsJsonAsync($"/api/facilities/T0007/findings/{corrected}/correction",
            new { correctedOn = Today.Iso(), note = "已整改并复查" })).ShouldBeOkAsync<JsonElement>();

        var next = await admin.InspectOkAsync("T0007", Finding(8, warning: true));

        next.GetProperty("uncorrectedWarningsInTerm").GetInt32().Should().Be(2);
        next.GetProperty("facilityStatus").GetString().Should().Be("warned");
    }

    [Fact]
    public async Task Correcting_every_warning_designates_the_facility_again()
    {
        var admin = await _app.ClientForAsync("admin");
        var recorded = await admin.InspectOkAsync("C0002", Finding(11, warning: true, description: "未公示补偿信息"));
        var id = recorded.GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetString();

        var corrected = await (await admin.PostAsJsonAsync($"/api/facilities/C0002/findings/{id}/correction",
            new { correctedOn = Today.Iso() })).ShouldBeOkAsync<JsonElement>();

        corrected.GetProperty("correctedOn").GetString().Should().Be(Today.Iso());
        (await admin.StatusOfAsync("C0002")).Should().Be("designated");
        await (await admin.PostAsJsonAsync($"/api/facilities/C0002/findings/{id}/correction", new { correctedOn = Today.Iso() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "warning_already_corrected");
    }

    [Fact]
    public async Task A_warned_facility_is_not_declared_designated_while_its_warnings_stay_uncorrected()
    {
        var admin = await _app.ClientForAsync("admin");
        await admin.InspectOkAsync("T0011", Finding(10, warning: true, description: "病历缺失"));

        var reinstate = await admin.ChangeStatusAsync("T0011", "designated", "领导同意");
        var warnByHand = await admin.ChangeStatusAsync("T0012", "warned");

        await reinstate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_has_uncorrected_warnings");
        (await admin.StatusOfAsync("T0011")).Should().Be("warned");
        (await warnByHand.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("监督检查");
    }

    [Fact]
    public async Task A_finding_with_a_suspension_suspends_the_facility_and_its_claims_stop_at_once()
    {
        var admin = await _app.ClientForAsync("admin");
        var facility = await _app.FacilityClientAsync("H0001");
        (await facility.EligibilityAsync("H0001")).GetProperty("eligible").GetBoolean().Should().BeTrue();

        var recorded = await admin.InspectOkAsync("H0001", Finding(7, warning: true, suspend: true, description: "分解住院"));

        recorded.GetProperty("facilityStatus").GetString().Should().Be("suspended");
        var refused = await facility.EligibilityAsync("H0001");
        refused.GetProperty("code").GetString().Should().Be("facility_suspended");
        refused.GetProperty("message").GetString().Should().Contain("暂停");
        var reinstated = await (await admin.ChangeStatusAsync("H0001", "designated", "整改到位，恢复定点")).ShouldBeOkAsync<JsonElement>();
        reinstated.GetProperty("to").GetString().Should().Be("warned", "the warning of the term is still uncorrected");
        (await facility.EligibilityAsync("H0001")).GetProperty("eligible").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_finding_against_a_duty_the_letter_does_not_have_is_a_validation_problem_and_nothing_is_saved()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.InspectAsync("T0001", Finding(2, penalty: 100m), Finding(14, warning: true));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("findings[1].dutyNumber")[0].GetString().Should().Contain("第14项职责");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facility_inspections")).Should().Be(0);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries WHERE SourceType = 'penalty'")).Should().Be(0);
    }

    [Fact]
    public async Task A_penalty_in_a_closed_accounting_period_is_refused_and_nothing_is_saved()
    {
        var admin = await _app.ClientForAsync("admin");
        await _app.Database!.ExecuteAsync(
            $"INSERT INTO ledger_periods (Period, IsClosed, ClosedUtc, ClosedBy) VALUES ({Today.Year * 100 + Today.Month}, 1, UTC_TIMESTAMP(), 'admin')");

        var response = await admin.InspectAsync("T0002", Finding(4, warning: true, penalty: 800m));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "ledger_period_closed");
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inspection_findings")).Should().Be(0);
        (await admin.StatusOfAsync("T0002")).Should().Be("designated");
    }

    [Fact]
    public async Task A_penalty_with_fractions_of_a_fen_or_a_negative_amount_is_refused()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.InspectAsync("T0002", Finding(4, penalty: 10.005m), Finding(5, penalty: -1m));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.GetProperty("findings[0].penalty")[0].GetString().Should().Contain("精确到分");
        errors.TryGetProperty("findings[1].penalty", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Only_administrators_record_inspections_and_corrections()
    {
        var auditor = await _app.ClientForAsync("auditor");
        var reviewer = await _app.ClientForAsync("reviewer");
        var facility = await _app.FacilityClientAsync("H0001");

        await (await auditor.InspectAsync("T0001", Finding(1, warning: true))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await reviewer.InspectAsync("T0001", Finding(1, warning: true))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.InspectAsync("H0001", Finding(1))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await auditor.PostAsJsonAsync($"/api/facilities/T0001/findings/{Guid.NewGuid()}/correction", new { correctedOn = Today.Iso() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM facility_inspections")).Should().Be(0);
    }

    [Fact]
    public async Task A_facility_reads_its_own_inspections_and_duty_compliance_record()
    {
        var admin = await _app.ClientForAsync("admin");
        await admin.InspectOkAsync("H0001", Finding(4, penalty: 1200m), Finding(4, warning: true), Finding(13, penalty: 300.25m));
        var facility = await _app.FacilityClientAsync("H0001");

        var inspections = await (await facility.GetAsync("/api/facilities/H0001/inspections")).ShouldBeOkAsync<JsonElement>();
        var compliance = await (await facility.GetAsync("/api/facilities/H0001/compliance")).ShouldBeOkAsync<JsonElement>();

        inspections.EnumerateArray().Single().GetProperty("findings").GetArrayLength().Should().Be(3);
        compliance.GetProperty("totalPenalties").GetDecimal().Should().Be(1500.25m);
        compliance.GetProperty("uncorrectedWarnings").GetInt32().Should().Be(1);
        var duty4 = compliance.GetProperty("duties").EnumerateArray().Single(d => d.GetProperty("number").GetInt32() == 4);
        duty4.GetProperty("findings").GetInt32().Should().Be(2);
        duty4.GetProperty("penalties").GetDecimal().Should().Be(1200m);
        compliance.GetProperty("duties").GetArrayLength().Should().Be(13);
    }

    [Fact]
    public async Task A_revoked_facility_is_not_inspected_and_an_applicant_has_no_letter_to_inspect_against()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.ChangeStatusAsync("V0010", "revoked", "村卫生室撤并")).ShouldBeOkAsync<JsonElement>();

        await (await admin.InspectAsync("V0010", Finding(1, warning: true))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "facility_not_designated");
        await (await admin.InspectAsync("Z9999", Finding(1))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "facility_not_found");
    }
}
