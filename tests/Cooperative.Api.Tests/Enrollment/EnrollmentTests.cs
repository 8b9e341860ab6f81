using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class EnrollmentTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Enrolling_a_household_gives_each_member_an_enrollment_and_one_numbered_receipt()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);

        var response = await EnrollAsync(window, IdOf(wangs), ThisYear, MemberIds(wangs));

        var receipt = await response.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        receipt.GetProperty("number").GetString().Should().Be($"{ThisYear}-000001");
        response.Headers.Location!.ToString().Should().Be($"/api/receipts/{ThisYear}-000001");
        (receipt.GetProperty("personCount").GetInt32(), receipt.GetProperty("individualAmount").GetDecimal(),
            receipt.GetProperty("civilAffairsAmount").GetDecimal(), receipt.GetProperty("total").GetDecimal())
            .Should().Be((3, 300m, 150m, 450m));
        receipt.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("paidBy").GetString()))
            .Should().BeEquivalentTo([("王建国", "individual"), ("李秀英", "civil_affairs"), ("王磊", "individual")]);
        (await _app.Database!.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM enrollments WHERE FundYear = {ThisYear} AND EnrolledOn = '{Today}' AND UsageJson = '{{}}'"))
            .Should().Be(3);
    }

    [Fact]
    public async Task The_receipt_is_posted_to_the_ledger_balanced_with_contributions_and_subsidies()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        var number = $"{ThisYear}-000001";

        async Task<decimal> Sum(string column, string account) => await _app.Database!.ScalarAsync<decimal>(
            $"SELECT COALESCE(SUM(l.{column}), 0) FROM journal_lines l JOIN journal_entries e ON e.Id = l.EntryId " +
            $"WHERE e.SourceType = 'receipt' AND e.SourceId = '{number}' AND l.AccountCode LIKE '{account}'");

        (await Sum("Debit", "%")).Should().Be(await Sum("Credit", "%")).And.Be(450m + 1260m);
        (await Sum("Debit", "1001")).Should().Be(300m);
        (await Sum("Credit", "4001.01")).Should().Be(300m);
        (await Sum("Debit", "1102")).Should().Be(150m);
        (await Sum("Credit", "4001.02")).Should().Be(150m);
        (await Sum("Debit", "1101.01"), await Sum("Debit", "1101.02"), await Sum("Debit", "1101.03")).Should().Be((720m, 300m, 240m));
        (await Sum("Credit", "4101.01"), await Sum("Credit", "4101.02"), await Sum("Credit", "4101.03")).Should().Be((720m, 300m, 240m));
        (await _app.Database!.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM receipts r JOIN journal_entries e ON e.Id = r.JournalEntryId WHERE r.Number = '{number}'")).Should().Be(1);
    }

    [Fact]
    public async Task Receipt_numbers_run_on_within_the_fund_year()
    {
        await PublishNextYearsPolicyAsync(_app);
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        var zhao = await RegisterAsync(window, "3301991010010002", [new Member(Id("19750505", 55), "赵敏", "户主")]);

        var receipt = await (await EnrollAsync(window, IdOf(zhao), ThisYear, MemberIds(zhao))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        receipt.GetProperty("number").GetString().Should().Be($"{ThisYear}-000002");
        var next = await (await EnrollAsync(window, IdOf(zhao), ThisYear + 1, MemberIds(zhao))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        next.GetProperty("number").GetString().Should().Be($"{ThisYear + 1}-000001");
    }

    [Fact]
    public async Task Members_already_enrolled_are_skipped_and_paying_again_for_all_is_a_conflict()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        var ids = MemberIds(wangs);
        await (await EnrollAsync(window, IdOf(wangs), ThisYear, ids.Take(1))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var rest = await (await EnrollAsync(window, IdOf(wangs), ThisYear, ids)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var again = await EnrollAsync(window, IdOf(wangs), ThisYear, ids);

        rest.GetProperty("personCount").GetInt32().Should().Be(2);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_enrolled");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM enrollments")).Should().Be(3);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM receipts")).Should().Be(2);
    }

    [Fact]
    public async Task A_person_of_another_household_cannot_be_enrolled_with_this_one()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);
        var zhao = await RegisterAsync(window, "3301991010010002", [new Member(Id("19750505", 55), "赵敏", "户主")]);

        var response = await EnrollAsync(window, IdOf(wangs), ThisYear, [.. MemberIds(wangs), .. MemberIds(zhao)]);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_a_member");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM enrollments")).Should().Be(0);
        (await _app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM journal_entries")).Should().Be(0);
    }

    [Fact]
    public async Task A_past_fund_year_is_not_open_for_enrolment()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);

        var response = await EnrollAsync(window, IdOf(wangs), ThisYear - 1, MemberIds(wangs));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fund_year_not_open");
    }

    [Fact]
    public async Task An_empty_enrolment_is_a_validation_problem()
    {
        var window = await _app.ClientForAsync("window");
        var wangs = await RegisterWangsAsync(window);

        var response = await EnrollAsync(window, IdOf(wangs), ThisYear, []);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("personIds")[0].GetString().Should().Be("请选择参合成员");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("reviewer")]
    public async Task Only_the_window_and_administrators_may_take_contributions(string role)
    {
        var wangs = await RegisterWangsAsync(await _app.ClientForAsync("admin"));
        var client = await _app.ClientForAsync(role);

        var response = await EnrollAsync(client, IdOf(wangs), ThisYear, MemberIds(wangs));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_facility_may_not_enrol_nor_read_receipts()
    {
        var wangs = await EnrolledWangsAsync(await _app.ClientForAsync("window"));
        var facility = await _app.FacilityClientAsync();

        await (await EnrollAsync(facility, IdOf(wangs), ThisYear + 1, MemberIds(wangs))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.GetAsync($"/api/receipts/{ThisYear}-000001")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_receipt_is_read_back_by_its_number()
    {
        var window = await _app.ClientForAsync("window");
        await EnrolledWangsAsync(window);
        var auditor = await _app.ClientForAsync("auditor");

        var receipt = await (await auditor.GetAsync($"/api/receipts/{ThisYear}-000001")).ShouldBeOkAsync<JsonElement>();

        receipt.GetProperty("cardNumber").GetString().Should().Be("3301991010010001");
        receipt.GetProperty("journalNumber").GetString().Should().StartWith($"记-{ThisYear}-");
        receipt.GetProperty("issuedBy").GetString().Should().Be("window");
        await (await auditor.GetAsync($"/api/receipts/{ThisYear}-999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "receipt_not_found");
    }
}
