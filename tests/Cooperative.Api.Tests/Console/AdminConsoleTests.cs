using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Console;

/// <summary>
/// The administrator's screens (系统管理) in headless chromium, each checked through the public API afterwards: closing a
/// month and publishing its disclosure, the staff accounts, a facility's inspection and client, the trial calculation.
/// </summary>
public sealed class AdminConsoleTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private ConsoleBrowser Browser => console.Browser;

    private void SignInAsAdmin() => Browser.SignIn("admin");

    /// <summary>A screenshot for the README: from the top of the screen, without the passing notices.</summary>
    private void Screenshot(string name)
    {
        ((IJavaScriptExecutor)Browser.Driver).ExecuteScript("document.getElementById('toast').replaceChildren(); window.scrollTo(0, 0)");
        Browser.Screenshot(name);
    }

    /// <summary>Opens a screen and waits for an element of it (the screen renders after its data arrives).</summary>
    private IWebElement Open(string hash, string css, string text = "")
    {
        Browser.Go(hash);
        return Browser.WaitFor(css, text);
    }

    [Fact]
    public void The_administrator_has_the_system_management_menu_with_its_screens()
    {
        SignInAsAdmin();

        Browser.FindAll("#menu h2").Select(h => h.Text).Should().Contain("系统管理");
        Browser.Menus().Should().ContainInOrder("定点医疗机构", "责任书职责", "补偿方案", "补偿试算", "机构月度结算", "月末结账", "补偿公示",
            "投诉与建议", "工作人员账号");
        Browser.WaitFor("#view .card h2", "系统管理");
    }

    [Fact]
    public async Task An_administrator_closes_november_and_publishes_its_disclosure()
    {
        console.Clock.Now = FixedClock.At(2026, 11, 20).Now;
        var head = await SettledAsync(await console.App.FacilityClientAsync("H0001"), InpatientBill(Head, "FP-CONSOLE-1"), "console-d-1", "/api/claims");
        var wife = await SettledAsync(await console.App.ClientForAsync("window"), new
        {
            idNumber = Wife.IdNumber, patientName = Wife.Name, visitType = "outpatient", admissionDate = "2026-11-12", dischargeDate = "2026-11-12",
            diagnosisCode = "J06.9", referred = false, invoiceNumber = "MZ-CONSOLE-2", facilityCode = "T0001",
            lines = new[] { new { amount = 80m, status = "covered", code = (string?)null } },
            providedDocuments = new[] { "id_card", "invoices", "itemized_list" },
        }, "console-d-2", "/api/claims/window");
        console.Clock.Now = FixedClock.At(2026, 12, 2).Now;
        SignInAsAdmin();

        // The periods screen offers the earliest open month; months close in order up to November.
        Open("admin/periods", "#periods");
        for (var closed = 0; !Browser.Find("#periods").Text.Contains("2026-11 已结账", StringComparison.Ordinal); closed++)
        {
            closed.Should().BeLessThan(14, "November is reached by closing the open months in order");
            var next = Browser.WaitFor("button[data-action='close']");
            var period = next.GetAttribute("data-period");
            string.CompareOrdinal(period, "2026-11").Should().BeLessThanOrEqualTo(0, "no month after November is offered before it is closed");
            next.Click();
            Browser.WaitFor(".confirm", $"确认对 {period} 月末结账").Text.Should().Contain("结账不能撤销");
            Browser.Find("#confirm-ok").Click();
            Browser.WaitFor("#period-out .ok", $"{period} 已结账");
        }
        Screenshot("admin-periods");
        var periods = await (await (await console.App.ClientForAsync("auditor")).GetAsync("/api/ledger/periods")).ShouldBeOkAsync<List<JsonElement>>();
        var november = periods.Should().ContainSingle(p => p.GetProperty("period").GetString() == "2026-11").Subject;
        november.GetProperty("isClosed").GetBoolean().Should().BeTrue();
        november.GetProperty("closedBy").GetString().Should().Be("admin");

        // Prepare, read, review with a note, publish.
        Open("admin/disclosures", "#prepare-form");
        Browser.Select("#prepare-month", "2026-11");
        Browser.Find("#prepare").Click();
        Browser.WaitFor("#disclosure-status", "已编制");
        Browser.Find("h1").Text.Should().StartWith("2026-11 补偿公示");
        var inpatients = Browser.Find("#disclosure-inpatients").Text;
        inpatients.Should().Contain("王*国").And.Contain("杭城市人民医院").And.Contain(head.FundPays.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
        inpatients.Should().NotContain(Head.Name).And.NotContain(Head.IdNumber);
        Browser.Find("#disclosure-content").Text.Should().Contain("城关镇叶庄村", "the wife's outpatient visit is totalled by village");
        Browser.Type("textarea[name='note']", "已与十一月结算数据核对一致");
        Browser.Find("#review").Click();
        Browser.WaitFor("#disclosure-status", "已审核");
        Browser.Find("#publish").Click();
        Browser.WaitFor(".confirm", "确认发布 2026-11 补偿公示");
        Browser.Find("#confirm-ok").Click();
        Browser.WaitFor("#disclosure-status", "已公示");
        Screenshot("admin-disclosure");

        var anyone = console.App.NewClient();
        var published = await (await anyone.GetAsync("/api/public/disclosures/2026-11")).ShouldBeOkAsync<JsonElement>();
        published.GetProperty("inpatients").EnumerateArray().Select(r => r.GetProperty("reimbursement").GetDecimal()).Should().Equal(head.FundPays);
        published.GetProperty("summary").GetProperty("fundPaid").GetDecimal().Should().Be(head.FundPays + wife.FundPays);
        var staffView = await (await (await console.App.ClientForAsync("auditor")).GetAsync("/api/disclosures/2026-11")).ShouldBeOkAsync<JsonElement>();
        staffView.GetProperty("status").GetString().Should().Be("published");
        staffView.GetProperty("reviewNote").GetString().Should().Be("已与十一月结算数据核对一致");
        staffView.GetProperty("publishedBy").GetString().Should().Be("admin");
    }

    [Fact]
    public async Task The_staff_accounts_screen_refuses_a_short_password_then_creates_an_account_and_deactivates_it()
    {
        SignInAsAdmin();
        Open("admin/staff", "#staff-form");
        Browser.Type("#staff-form [name='userName']", "zhangmin");
        Browser.Type("#staff-form [name='displayName']", "张敏");
        Browser.Select("#staff-form [name='role']", "window");
        Browser.Type("#staff-form [name='password']", "short1");
        Browser.Find("#create-staff").Click();
        Browser.WaitFor("#staff-form .problem", "请求数据有误");
        Browser.WaitFor("#staff-form label[data-field='password'] .field-error", "密码");

        Browser.Type("#staff-form [name='password']", "Chuangkou2026");
        Browser.Find("#create-staff").Click();
        Browser.WaitFor("#staff tr", "zhangmin").Text.Should().Contain("张敏").And.Contain("经办窗口").And.Contain("启用");
        Browser.Find("button[data-action='deactivate'][data-user='zhangmin']").Click();
        Browser.WaitFor(".confirm", "停用 张敏（zhangmin）");
        Browser.Find("#confirm-ok").Click();
        Browser.WaitFor("#staff tr", "已停用").Text.Should().Contain("zhangmin");
        Screenshot("admin-staff");

        var accounts = await (await (await console.App.ClientForAsync("admin")).GetAsync("/api/staff")).ShouldBeOkAsync<List<JsonElement>>();
        var created = accounts.Should().ContainSingle(a => a.GetProperty("userName").GetString() == "zhangmin").Subject;
        created.GetProperty("role").GetString().Should().Be("window");
        created.GetProperty("isActive").GetBoolean().Should().BeFalse();
        (await console.App.PasswordGrantAsync("zhangmin", "Chuangkou2026")).IsSuccessStatusCode.Should().BeFalse("a deactivated account cannot sign in");
    }

    [Fact]
    public async Task A_facility_inspected_with_a_warning_is_warned_until_its_correction_is_confirmed_and_its_new_client_secret_works()
    {
        SignInAsAdmin();
        Open("admin/facilities?level=county", "#facility-list tr", "杭城市中医院").Click();
        Browser.WaitFor("h1", "杭城市中医院（H0002）");

        Browser.Select("#inspection-form [name='inspectedOn']", "2026-11-18");
        Browser.Type("#inspection-form [name='inspectors']", "赵刚、钱芳");
        Browser.Type("#inspection-form [name='summary']", "抽查住院病历20份");
        Browser.Select("#inspection-form [name='findings[0].dutyNumber']", "5");
        Browser.Type("#inspection-form [name='findings[0].description']", "3名出院患者未提供费用汇总清单");
        Browser.Find("#inspection-form [name='findings[0].warning']").Click();
        Browser.Find("#record-inspection").Click();
        Browser.WaitFor("h1 .tag", "警告");
        Browser.Find("#status-history").Text.Should().Contain("警告");
        Screenshot("admin-facility");

        Browser.Find("button[data-finding]").Click();
        Browser.Select(".inspection form [name='correctedOn']", "2026-11-19");
        Browser.Type(".inspection form [name='note']", "已补发清单并整改流程");
        Browser.Find(".inspection form button[type='submit']").Click();
        Browser.WaitFor(".inspection td", "2026-11-19 已整改");
        Browser.WaitFor("h1 .tag", "定点");

        Browser.Find("#issue-client").Click();
        Browser.WaitFor(".confirm", "签发接口账号");
        Browser.Find("#confirm-ok").Click();
        var secret = Browser.WaitFor("#client-secret .secret-value").Text;
        Browser.Find("#client-secret").Text.Should().Contain("密钥只显示这一次").And.Contain("facility-H0002");

        var admin = await console.App.ClientForAsync("admin");
        var facility = await (await admin.GetAsync("/api/facilities/H0002")).ShouldBeOkAsync<JsonElement>();
        facility.GetProperty("status").GetString().Should().Be("designated", "the only warning was corrected");
        var history = await (await admin.GetAsync("/api/facilities/H0002/status-history")).ShouldBeOkAsync<List<JsonElement>>();
        history.Select(s => s.GetProperty("to").GetString()).Should().Equal("designated", "warned", "designated");
        var inspections = await (await admin.GetAsync("/api/facilities/H0002/inspections")).ShouldBeOkAsync<List<JsonElement>>();
        var finding = inspections.Should().ContainSingle().Subject.GetProperty("findings").EnumerateArray().Should().ContainSingle().Subject;
        finding.GetProperty("dutyNumber").GetInt32().Should().Be(5);
        finding.GetProperty("correctedOn").GetString().Should().Be("2026-11-19");
        (await console.App.ClientCredentialsGrantAsync("facility-H0002", secret)).StatusCode.Should().Be(HttpStatusCode.OK, "the secret shown is the client's");
        (await console.App.ClientCredentialsGrantAsync("facility-H0002", "demo-facility-H0002")).IsSuccessStatusCode.Should().BeFalse("the old secret was rotated");
    }

    [Fact]
    public void A_trial_calculation_of_a_county_hospital_stay_shows_the_band_and_what_the_fund_pays()
    {
        SignInAsAdmin();
        Open("admin/policy/trial", "#trial-form");
        Browser.Select("#trial-form [name='serviceDate']", "2026-11-10");
        Browser.Select("#trial-form [name='visitType']", "inpatient");
        Browser.Select("#trial-form [name='level']", "county");
        Browser.Type("#trial-form [name='lines[0].name']", "住院诊查费");
        Browser.Type("#trial-form [name='lines[0].amount']", "3000");
        Browser.Find("#trial-form #run-trial").Click();
        Browser.WaitFor("#trial-form label[data-field='lines[0].code'] .field-error", "目录");

        Browser.Select("#trial-form [name='lines[0].status']", "covered");
        Browser.Find("#add-line").Click();
        Browser.Type("#trial-form [name='lines[1].name']", "乙类药品");
        Browser.Type("#trial-form [name='lines[1].amount']", "2000");
        Browser.Select("#trial-form [name='lines[1].status']", "partly_covered");
        Browser.Type("#trial-form [name='lines[1].selfPayShare']", "0.1");
        Browser.Find("#run-trial").Click();

        Browser.WaitFor("#trial-summary", "基金补偿 3,080.00 元，个人负担 1,920.00 元");
        Browser.Find("#trial-result").Text.Should().Contain("400.00 至 5,000.00").And.Contain("70%");
        Browser.FindAll("#trial-form .field-error").Should().BeEmpty("the marks of the refused attempt are cleared");
    }

    private static async Task<(string Number, decimal FundPays)> SettledAsync(HttpClient client, object bill, string key, string path)
    {
        var claim = await (await SubmitAsync(client, bill, key, path)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        claim.GetProperty("status").GetString().Should().BeOneOf("settled", "under_review");
        return (claim.GetProperty("number").GetString()!, claim.GetProperty("fundPays").GetDecimal());
    }
}
