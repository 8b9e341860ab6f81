using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Foundation;

public sealed class StaffAndAuditTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Creating_a_staff_user_leaves_an_audit_record_without_the_password()
    {
        var admin = await _app.ClientForAsync("admin");
        admin.DefaultRequestHeaders.Add("X-Correlation-Id", "create-wang-1");

        var created = await admin.PostAsJsonAsync("/api/staff",
            new { userName = "wang.fang", displayName = "王芳", role = "window", password = "Window-pass-9" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var auditor = await _app.ClientForAsync("auditor");
        var page = await (await auditor.GetAsync("/api/audit/records?entityType=StaffUser&actor=admin")).ShouldBeOkAsync<JsonElement>();
        var record = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("action").GetString() == "created");
        record.GetProperty("actorRole").GetString().Should().Be("admin");
        record.GetProperty("correlationId").GetString().Should().Be("create-wang-1");
        record.GetProperty("after").GetString().Should().Contain("wang.fang").And.Contain("王芳").And.NotContain("PasswordHash");
        (await _app.TokenAsync("wang.fang", "Window-pass-9")).Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_update_records_the_values_before_and_after()
    {
        var admin = await _app.ClientForAsync("admin");

        (await admin.PostAsync("/api/staff/reviewer/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await (await admin.GetAsync("/api/audit/records?entityType=StaffUser&actor=admin")).ShouldBeOkAsync<JsonElement>();
        var record = page.GetProperty("items").EnumerateArray().First(r => r.GetProperty("action").GetString() == "updated");
        JsonDocument.Parse(record.GetProperty("before").GetString()!).RootElement.GetProperty("IsActive").GetBoolean().Should().BeTrue();
        JsonDocument.Parse(record.GetProperty("after").GetString()!).RootElement.GetProperty("IsActive").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Sign_ins_are_in_the_audit_trail()
    {
        var auditor = await _app.ClientForAsync("auditor");

        var page = await (await auditor.GetAsync("/api/audit/records?actor=auditor")).ShouldBeOkAsync<JsonElement>();

        page.GetProperty("items").EnumerateArray().Should().Contain(r => r.GetProperty("action").GetString() == "signed-in");
    }

    [Fact]
    public async Task The_auditor_may_read_but_not_create_staff_users()
    {
        var auditor = await _app.ClientForAsync("auditor");

        var response = await auditor.PostAsJsonAsync("/api/staff",
            new { userName = "li.si", displayName = "李四", role = "admin", password = "Admin-pass-99" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _app.Database!.ScalarAsync<long>("SELECT COUNT(*) FROM staff_users WHERE UserName = 'li.si'")).Should().Be(0);
    }

    [Fact]
    public async Task A_window_clerk_cannot_read_the_audit_trail()
    {
        var window = await _app.ClientForAsync("window");

        await (await window.GetAsync("/api/audit/records")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_listing_every_field_in_chinese()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/staff", new { userName = "a b", role = "boss", password = "short" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("userName")[0].GetString().Should().Contain("用户名");
        errors.GetProperty("displayName")[0].GetString().Should().Be("姓名不能为空");
        errors.GetProperty("role")[0].GetString().Should().Contain("角色");
        errors.GetProperty("password")[0].GetString().Should().Contain("密码");
    }

    [Fact]
    public async Task A_demo_style_password_is_refused_for_a_new_account()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/staff",
            new { userName = "zhao", displayName = "赵", role = "window", password = "demo-window-2026" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("password")[0].GetString().Should().Be("不能使用演示账号的密码");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsync("/api/staff", new StringContent("{\"userName\": ", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task A_duplicate_user_name_is_a_conflict_and_the_first_account_is_unchanged()
    {
        var admin = await _app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/staff",
            new { userName = "window", displayName = "冒名", role = "admin", password = "Another-pass-1" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "staff_user_exists");
        (await _app.Database!.ScalarAsync<string>("SELECT Role FROM staff_users WHERE UserName = 'window'")).Should().Be("window");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _app.CreateClient().GetAsync("/api/nothing-here");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
