using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Complaints.ComplaintCalls;

namespace Cooperative.Api.Tests.Complaints;

/// <summary>Staff handle a filing within its time limit; the county clock moves the yellow and red flags.</summary>
public sealed class ComplaintHandlingTests : IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(2026, 11, 20);
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_complaint_goes_from_filed_to_assigned_answered_and_closed_and_the_complainant_reads_the_answer()
    {
        var (number, code) = await _app.CreateClient().FileOkAsync();
        var window = await _app.ClientForAsync("window");

        (await window.ActOkAsync(number, "assign", new { assignee = "reviewer" })).Text("status").Should().Be("assigned");
        _clock.Now = _clock.Now.AddDays(3); // tokens live an hour on the app's clock: sign in again after moving it
        var reviewer = await _app.ClientForAsync("reviewer");
        var admin = await _app.ClientForAsync("admin");
        var answered = await reviewer.ActOkAsync(number, "answer", new { answer = "经核查，该院已退还目录外药品费用，并对相关人员进行了批评教育。" });
        var closed = await admin.ActOkAsync(number, "close", new { note = "投诉人对答复满意" });

        answered.Text("status").Should().Be("answered");
        answered.Text("answeredBy").Should().Be("reviewer");
        closed.Text("status").Should().Be("closed");
        closed.Text("contactPhone").Should().Be("13800138000", "staff see the contact details");
        var history = closed.GetProperty("history").EnumerateArray().Select(h => (h.Text("to"), h.Text("by"))).ToList();
        history.Should().Equal(("filed", "anonymous"), ("assigned", "window"), ("answered", "reviewer"), ("closed", "admin"));
        closed.GetProperty("history")[1].Text("note").Should().Be("处理人：reviewer");
        var seen = await (await _app.CreateClient().LookUpAsync(number, code)).ShouldBeOkAsync<JsonElement>();
        seen.Text("statusName").Should().Be("已办结");
        seen.Text("answer").Should().StartWith("经核查");
        seen.Text("answeredOn").Should().Be("2026-11-23");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE EntityType = 'Complaint'")).Should().Be(4);
    }

    [Fact]
    public async Task An_open_complaint_turns_yellow_three_days_before_its_deadline_and_red_after_it_until_answered()
    {
        var (late, code) = await _app.CreateClient().FileOkAsync();
        var (early, _) = await _app.CreateClient().FileOkAsync();
        var window = await _app.ClientForAsync("window");
        await window.ActOkAsync(early, "assign", new { assignee = "window" });
        await window.ActOkAsync(early, "answer", new { answer = "已答复" });

        await FlagsShouldBeAsync(window, none: [late, early], yellow: [], red: []);
        window = await MoveClockAsync(2026, 12, 1, 23);
        await FlagsShouldBeAsync(window, none: [late, early], yellow: [], red: []);
        window = await MoveClockAsync(2026, 12, 2, 9);
        await FlagsShouldBeAsync(window, none: [early], yellow: [late], red: []);
        var detail = await window.GetOkAsync($"/api/complaints/{late}");
        detail.GetProperty("daysLeft").GetInt32().Should().Be(3);
        detail.Text("flagName").Should().Be("黄牌（临近时限）");
        window = await MoveClockAsync(2026, 12, 5, 23);
        await FlagsShouldBeAsync(window, none: [early], yellow: [late], red: []);
        window = await MoveClockAsync(2026, 12, 6, 0);
        await FlagsShouldBeAsync(window, none: [early], yellow: [], red: [late]);
        (await (await _app.CreateClient().LookUpAsync(late, code)).ShouldBeOkAsync<JsonElement>()).Text("flag").Should().Be("red");

        await window.ActOkAsync(late, "assign", new { assignee = "admin" });
        await FlagsShouldBeAsync(window, none: [early], yellow: [], red: [late]);
        (await window.ActOkAsync(late, "answer", new { answer = "逾期答复，致歉。" })).Text("flag").Should().Be("none");
        await FlagsShouldBeAsync(window, none: [late, early], yellow: [], red: []);
    }

    [Fact]
    public async Task The_auditor_reads_complaints_but_may_not_handle_them()
    {
        var (number, _) = await _app.CreateClient().FileOkAsync();
        var auditor = await _app.ClientForAsync("auditor");

        (await auditor.GetOkAsync("/api/complaints")).Numbers().Should().Equal(number);
        (await auditor.GetOkAsync($"/api/complaints/{number}")).Text("contactName").Should().Be("张三");
        foreach (var (action, body) in new (string, object)[] { ("assign", new { assignee = "window" }), ("answer", new { answer = "x" }), ("close", new { }) })
            await (await auditor.ActAsync(number, action, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<string>($"SELECT Status FROM complaints WHERE Number = '{number}'")).Should().Be("Filed");
    }

    [Fact]
    public async Task Neither_the_public_nor_a_facility_reads_the_staff_list()
    {
        await (await _app.CreateClient().GetAsync("/api/complaints")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var facility = await _app.FacilityClientAsync("H0001");
        await (await facility.GetAsync("/api/complaints")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await facility.ActAsync("TS-2026-000001", "assign", new { assignee = "window" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_the_reason_and_the_assignee_must_be_a_handler()
    {
        var (number, _) = await _app.CreateClient().FileOkAsync();
        var admin = await _app.ClientForAsync("admin");

        var early = await (await admin.ActAsync(number, "answer", new { answer = "已处理" })).ShouldBeProblemAsync(HttpStatusCode.Conflict,
            "complaint_transition_not_allowed");
        early.Text("detail").Should().Contain("请先指定处理人");
        (await (await admin.ActAsync(number, "close", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaint_transition_not_allowed"))
            .Text("detail").Should().Contain("请先答复");
        var auditorAssigned = await (await admin.ActAsync(number, "assign", new { assignee = "auditor" })).ShouldBeProblemAsync(
            HttpStatusCode.BadRequest, "validation_failed");
        auditorAssigned.GetProperty("errors").GetProperty("assignee")[0].GetString().Should().Contain("处理人必须是");
        await (await admin.ActAsync(number, "assign", new { assignee = "nobody" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.ActAsync(number, "answer", new { answer = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.ActAsync("TS-2026-999999", "assign", new { assignee = "window" })).ShouldBeProblemAsync(HttpStatusCode.NotFound,
            "complaint_not_found");
        await (await admin.GetAsync("/api/complaints/TS-2026-999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaint_not_found");
        await admin.ActOkAsync(number, "assign", new { assignee = "window" });
        (await admin.ActOkAsync(number, "assign", new { assignee = "reviewer" })).Text("assignee").Should().Be("reviewer", "reassigning is allowed");
    }

    [Fact]
    public async Task The_list_filters_by_status_and_category_and_pages_and_refuses_unknown_filters()
    {
        var (first, _) = await _app.CreateClient().FileOkAsync();
        var (second, _) = await _app.CreateClient().FileOkAsync(new { category = "suggestion", content = "建议增加便民服务点" });
        var (third, _) = await _app.CreateClient().FileOkAsync();
        var reviewer = await _app.ClientForAsync("reviewer");
        await reviewer.ActOkAsync(third, "assign", new { assignee = "reviewer" });

        (await reviewer.GetOkAsync("/api/complaints?status=filed")).Numbers().Should().Equal(first, second);
        (await reviewer.GetOkAsync("/api/complaints?status=assigned")).Numbers().Should().Equal(third);
        (await reviewer.GetOkAsync("/api/complaints?category=suggestion")).Numbers().Should().Equal(second);
        var page = await reviewer.GetOkAsync("/api/complaints?page=2&pageSize=2");
        page.Numbers().Should().Equal(third);
        page.GetProperty("total").GetInt32().Should().Be(3);
        var bad = await (await reviewer.GetAsync("/api/complaints?flag=green&status=lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest,
            "validation_failed");
        bad.GetProperty("errors").GetProperty("flag")[0].GetString().Should().Contain("none、yellow、red");
    }

    /// <summary>Moves the county clock (to half past the hour) and signs the window clerk in again: tokens live an hour on that clock.</summary>
    private async Task<HttpClient> MoveClockAsync(int year, int month, int day, int hour)
    {
        _clock.Now = new DateTimeOffset(year, month, day, hour, 30, 0, TimeSpan.FromHours(8));
        return await _app.ClientForAsync("window");
    }

    private static async Task FlagsShouldBeAsync(HttpClient staff, string[] none, string[] yellow, string[] red)
    {
        (await staff.GetOkAsync("/api/complaints?flag=none")).Numbers().Should().BeEquivalentTo(none);
        (await staff.GetOkAsync("/api/complaints?flag=yellow")).Numbers().Should().BeEquivalentTo(yellow);
        (await staff.GetOkAsync("/api/complaints?flag=red")).Numbers().Should().BeEquivalentTo(red);
        foreach (var item in (await staff.GetOkAsync("/api/complaints")).GetProperty("items").EnumerateArray())
            item.Text("flag").Should().Be(red.Contains(item.Text("number")) ? "red" : yellow.Contains(item.Text("number")) ? "yellow" : "none");
    }
}
