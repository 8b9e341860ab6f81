using System.Net;
using System.Text;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Complaints.ComplaintCalls;

namespace Cooperative.Api.Tests.Complaints;

/// <summary>Filing and looking up without a token: what the public page does.</summary>
public sealed class ComplaintFilingTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await CooperativeApp.StartAsync(s => s["Complaints:FilingsPerWindow"] = "100", FixedClock.At(2026, 11, 20));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anyone_files_a_complaint_and_gets_a_number_a_lookup_code_and_a_deadline_fifteen_days_on()
    {
        var response = await _app.CreateClient().FileAsync(AComplaint());

        var body = await response.ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        body.Text("number").Should().Be("TS-2026-000001");
        body.Text("lookupCode").Should().MatchRegex("^[A-Z2-9]{8}$");
        body.Text("kind").Should().Be("投诉");
        body.Text("categoryName").Should().Be("对定点医疗机构的投诉");
        body.Text("filedOn").Should().Be("2026-11-20");
        body.Text("deadline").Should().Be("2026-12-05");
        body.GetProperty("deadlineDays").GetInt32().Should().Be(15);
        response.Headers.Location!.ToString().Should().Be("/api/public/complaints/TS-2026-000001");
        (await _app.CreateClient().FileOkAsync()).Number.Should().Be("TS-2026-000002");
    }

    [Fact]
    public async Task Only_the_hash_of_the_lookup_code_is_stored_and_the_filing_is_audited_as_anonymous()
    {
        var (number, code) = await _app.CreateClient().FileOkAsync();

        var db = _app.Database!;
        var hash = await db.ScalarAsync<string>($"SELECT LookupCodeHash FROM complaints WHERE Number = '{number}'");
        hash.Should().HaveLength(64).And.NotContain(code);
        (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_records WHERE (COALESCE(`After`, '') LIKE '%{code}%')")).Should().Be(0);
        (await db.ScalarAsync<string>("SELECT Actor FROM audit_records WHERE EntityType = 'Complaint'")).Should().Be("anonymous");
        (await db.ScalarAsync<string>("SELECT `To` FROM complaint_status_changes")).Should().Be("Filed");
    }

    [Fact]
    public async Task The_complainant_looks_up_the_status_with_the_code_and_never_sees_the_contact_details()
    {
        var (number, code) = await _app.CreateClient().FileOkAsync();

        var status = await (await _app.CreateClient().LookUpAsync(number, $" {code.ToLowerInvariant()} ")).ShouldBeOkAsync<JsonElement>();

        status.Text("number").Should().Be(number);
        status.Text("status").Should().Be("filed");
        status.Text("statusName").Should().Be("已受理");
        status.Text("deadline").Should().Be("2026-12-05");
        status.Text("flag").Should().Be("none");
        status.Text("content").Should().Be("卫生院收取了目录外药品费用却未告知本人。");
        status.GetProperty("answer").ValueKind.Should().Be(JsonValueKind.Null);
        var text = status.GetRawText();
        text.Should().NotContain("13800138000").And.NotContain("张三").And.NotContain("contact").And.NotContain("assignee");
    }

    [Fact]
    public async Task A_wrong_code_is_answered_exactly_like_an_unknown_number()
    {
        var (number, code) = await _app.CreateClient().FileOkAsync();
        var wrong = code[..7] + (code[7] == 'A' ? 'B' : 'A');

        var wrongCode = await (await _app.CreateClient().LookUpAsync(number, wrong)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaint_not_found");
        var unknown = await (await _app.CreateClient().LookUpAsync("TS-2026-999999", code)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaint_not_found");

        wrongCode.Text("title").Should().Be(unknown.Text("title"));
        await (await _app.CreateClient().GetAsync($"/api/public/complaints/{number}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_complaint_needs_contact_details_but_a_suggestion_may_be_anonymous()
    {
        var refused = await (await _app.CreateClient().FileAsync(new { category = "windowService", content = "窗口排队太久" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        refused.GetProperty("errors").GetProperty("contactName")[0].GetString().Should().Be("联系人姓名不能为空");
        refused.GetProperty("errors").GetProperty("contactPhone")[0].GetString().Should().Be("联系电话不能为空");

        var suggestion = await (await _app.CreateClient().FileAsync(new { category = "suggestion", content = "建议周六也开放报销窗口" }))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        suggestion.Text("kind").Should().Be("意见建议");
    }

    [Fact]
    public async Task Bad_fields_are_refused_with_chinese_messages_per_field()
    {
        var body = await (await _app.CreateClient().FileAsync(new
        {
            category = "praise", subject = new string('x', 65), content = new string('长', 2001), contactName = "李四", contactPhone = "call me",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = body.GetProperty("errors");
        errors.GetProperty("category")[0].GetString().Should().Contain("类别必须是").And.Contain("window_service");
        errors.GetProperty("subject")[0].GetString().Should().Be("涉及对象不能超过64个字符");
        errors.GetProperty("content")[0].GetString().Should().Be("内容不能超过2000个字符");
        errors.GetProperty("contactPhone")[0].GetString().Should().Contain("联系电话格式不正确");
        await (await _app.CreateClient().FileAsync(new { category = "claim", content = "  ", contactName = "李四", contactPhone = "0571-88886666" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await _app.CreateClient().FileAsync(AComplaint("含控制字符\u0007的内容"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var malformed = new StringContent("{not json", Encoding.UTF8, "application/json");
        await (await _app.CreateClient().PostAsync("/api/public/complaints", malformed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Markup_in_a_complaint_is_kept_as_plain_text_and_returned_as_json_text()
    {
        const string content = "<script>alert('x')</script><img src=x onerror=alert(1)> 收费不合理\n第二行";
        var (number, code) = await _app.CreateClient().FileOkAsync(AComplaint(content));

        var response = await _app.CreateClient().LookUpAsync(number, code);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.ShouldBeOkAsync<JsonElement>()).Text("content").Should().Be(content);
    }

    [Fact]
    public async Task The_longest_allowed_content_is_accepted_even_with_every_character_escaped_in_the_json()
    {
        // 2000 Chinese characters escaped as \uXXXX make some 12 KB: under the 16 KB body limit.
        var (number, code) = await _app.CreateClient().FileOkAsync(AComplaint(new string('长', 2000)));

        (await (await _app.CreateClient().LookUpAsync(number, code)).ShouldBeOkAsync<JsonElement>()).Text("content").Should().HaveLength(2000);
    }
}
