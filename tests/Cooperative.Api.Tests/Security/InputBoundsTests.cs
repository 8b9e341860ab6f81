using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Complaints;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Security;

/// <summary>One app for the class: every test only reads, or is refused before anything is written.</summary>
public sealed class InputBoundsApp : IAsyncLifetime
{
    public CooperativeApp App { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await CooperativeApp.StartAsync(clock: FixedClock.At(2026, 11, 20));
        Admin = await App.ClientForAsync("admin");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Years, dates, page numbers and texts that once answered 500 (an overflow, an impossible date, an offset past
/// int.MaxValue in SQL, a control character the database or the normal form choked on) are refused with a code.
/// </summary>
public sealed class InputBoundsTests(InputBoundsApp fixture) : IClassFixture<InputBoundsApp>
{
    private readonly HttpClient _admin = fixture.Admin;

    [Theory]
    [InlineData("/api/policies/0")]
    [InlineData("/api/policies/-1")]
    [InlineData("/api/policies/99999")]
    public async Task A_policy_of_a_year_out_of_bounds_does_not_exist(string url) =>
        await (await fixture.App.CreateClient().GetAsync(url))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "policy_not_found");

    [Theory]
    [InlineData("/api/ledger/audit-workbook.xlsx?year=-5", "year")]
    [InlineData("/api/ledger/journal.csv?year=99999", "year")]
    [InlineData("/api/ledger/accounts/1001/movements?from=0001-01-01", "from")]
    [InlineData("/api/ledger/accounts/1001/movements?to=0001-01-01", "to")]
    [InlineData("/api/ledger/trial-balance?date=9999-12-31", "date")]
    [InlineData("/api/policies/2026?date=0001-01-01", "date")]
    [InlineData("/api/claims?page=2147483647", "page")]
    [InlineData("/api/claims?page=0", "page")]
    [InlineData("/api/audit/records?page=2147483647", "page")]
    [InlineData("/api/audit/records?pageSize=201", "pageSize")]
    [InlineData("/api/persons?pageSize=0", "pageSize")]
    [InlineData("/api/claims/review-queue?minAmount=1&page=100001", "page")]
    [InlineData("/api/enrollment/statistics?fundYear=2101", "fundYear")]
    public async Task Out_of_bounds_numbers_and_dates_are_refused_naming_the_field(string url, string field)
    {
        var problem = await (await _admin.GetAsync(url))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task The_last_page_within_bounds_is_an_empty_page()
    {
        var page = await (await _admin.GetAsync("/api/audit/records?page=100000&pageSize=200")).ShouldBeOkAsync<JsonElement>();
        page.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("\u202Eexe.txt")]
    [InlineData("王\u2066建国\u2069")]
    [InlineData("\uFEFF诊查")]
    [InlineData("两行\n标题")]
    public async Task A_duty_title_with_control_or_invisible_characters_is_refused(string title)
    {
        var problem = await (await _admin.PutAsJsonAsync("/api/facilities/duties/13", new { title, description = "内容" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("title")[0].GetString().Should().Contain("控制字符");
    }

    [Fact]
    public async Task A_complaint_keeps_its_line_breaks_but_refuses_a_bidi_override_in_the_contact_name()
    {
        var filing = new
        {
            category = "facility", subject = "东湖镇卫生院", content = "第一段\r\n第二段\t完", contactName = "张\u202E三", contactPhone = "13800138000",
        };
        var problem = await (await fixture.App.CreateClient().FileAsync(filing))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("content", out _).Should().BeFalse(problem.ToString());
        errors.GetProperty("contactName")[0].GetString().Should().Be("联系人姓名不能包含换行、控制字符或不可见的方向控制字符");
    }

    [Fact]
    public async Task A_window_claim_with_a_control_character_in_the_facility_name_or_a_zero_width_space_in_the_invoice_is_refused()
    {
        var claim = """
            {"idNumber":"330199197001010114","patientName":"王建国","visitType":"inpatient","admissionDate":"2026-11-01",
             "dischargeDate":"2026-11-05","diagnosisCode":"K35.8","referred":false,"invoiceNumber":"FP\u200B0001",
             "lines":[{"code":"S0002","amount":100}],"facilityName":"县外\u0007医院","facilityLevel":"outside_county"}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims/window")
        {
            Content = new StringContent(claim, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "bounds-1");
        var problem = await (await _admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("facilityName", out _).Should().BeTrue(problem.ToString());
        errors.TryGetProperty("invoiceNumber", out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task An_enum_given_as_a_number_that_names_nothing_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ledger/receipts")
        {
            Content = JsonContent.Create(new { kind = -100654702, amount = 100m, date = "2026-11-08", payer = "财政局", bankReference = "B1" }),
        };
        request.Headers.Add("Idempotency-Key", "bounds-2");
        var problem = await (await _admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        problem.GetProperty("errors").GetProperty("kind")[0].GetString().Should().Contain("subsidy_central", problem.ToString());
    }

    [Fact]
    public async Task A_receipt_number_that_is_not_ascii_is_not_found()
    {
        await (await _admin.GetAsync("/api/receipts/" + Uri.EscapeDataString("记-2026-000001")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "receipt_not_found");
    }

    [Fact]
    public async Task A_truncated_multipart_import_is_a_malformed_request()
    {
        var content = new StringContent("}");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        await (await _admin.PostAsync("/api/enrollment/import", content))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    /// <summary>
    /// Found by the fuzz test (seed 4): OpenIddict's validation reads a form body for an access token when a request
    /// carries none (ExtractAccessTokenFromBodyForm), and the sign-in guard reads the token endpoint's form; a key over
    /// the form limit (InvalidDataException) or a cut-short multipart body (IOException) escaped as 500; tokens are now read from the Authorization header only and a form the guard cannot read is a 400.
    /// </summary>
    [Fact]
    public async Task A_form_over_the_limits_is_a_malformed_request_before_any_endpoint()
    {
        var anonymous = fixture.App.CreateClient();
        var bigKey = new string('k', 3000) + "=1";
        // Elsewhere the form is not read at all (tokens come in the header): the route answers as it would without it.
        await (await anonymous.PostAsync("/api/ledger/invariant", new StringContent(bigKey, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")))
            .ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await (await anonymous.PostAsync("/connect/token", new StringContent(bigKey, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        var multipart = new StringContent("}");
        multipart.Headers.Remove("Content-Type");
        multipart.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        await (await anonymous.PostAsync("/connect/token", multipart))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }
}
