using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Cooperative.Api.Tests.Console;

/// <summary>The window clerk's day at the counter, in a real browser, against the API on MariaDB.</summary>
public sealed class WindowConsoleTests(ConsoleFixture county) : IClassFixture<ConsoleFixture>
{
    private ConsoleBrowser Browser => county.Browser;

    [Fact]
    public async Task A_clerk_finds_a_resident_enters_a_claim_missing_its_discharge_summary_prints_the_notice_settles_prints_and_pays_cash()
    {
        Browser.SignIn("window");
        Browser.Go("window/search");
        Browser.Type("#search-q", Households.Son.IdNumber + Keys.Enter);
        Browser.WaitFor("#persons tbody tr", Households.Son.Name).Click();
        Browser.WaitFor("#coverage-result", "已参合");
        Browser.Find("#enter-claim").Click();

        Browser.WaitFor("#patient-info", "已参合");
        Browser.Find("[name=patientName]").GetAttribute("value").Should().Be(Households.Son.Name);
        Browser.Type("[name=facilityCode]", "H0001");
        Browser.WaitFor(".suggest li", "H0001").Click();
        Browser.Select("[name=visitType]", "inpatient");
        Browser.SetValue("[name=admissionDate]", "2026-11-02");
        Browser.SetValue("[name=dischargeDate]", "2026-11-09");
        Browser.Type("[name=diagnosisCode]", "骨折");
        Browser.WaitFor(".suggest li", "S82.2").Click();
        Browser.Find("#diagnosis-name").Text.Should().Be("胫骨骨干骨折");
        Browser.Type("[name=invoiceNumber]", "ZY-CONSOLE-1");
        EnterLine(0, "S0002", quantity: "10", unitPrice: "300");
        Browser.Find("#claim-lines tr:nth-child(1) [name=amount]").SendKeys(Keys.Enter); // Enter adds the next line
        EnterLine(1, "D0003", quantity: "40", unitPrice: "50");
        Browser.WaitFor("#claim-total", "5,000.00");
        foreach (var document in new[] { "id_card", "invoices", "itemized_list" })
            Browser.Find($"#documents input[value={document}]").Click();
        Browser.Screenshot("window-claim-entry");
        Browser.Find("#submit-claim").Click();

        Browser.WaitFor("#claim-status", "待补材料");
        var number = Browser.Find("h1").Text.Replace("报销单 ", "", StringComparison.Ordinal);
        Browser.CapturePrinting();
        Browser.Find("#print-notice").Click();
        Browser.PrintedText().Should().Contain("补件通知").And.Contain("出院小结").And.Contain(number).And.NotContain("身份证复印件");
        Browser.Screenshot("window-notice");

        Browser.Find("#documents-form input[value=discharge_summary]").Click();
        Browser.Find("#add-documents").Click();
        Browser.WaitFor("#claim-status", "已结算");
        var window = await county.App.ClientForAsync("window");
        var claim = await window.GetFromJsonAsync<JsonElement>($"/api/claims/{number}");
        claim.GetProperty("status").GetString().Should().Be("settled");
        claim.GetProperty("total").GetDecimal().Should().Be(5000m);

        Browser.CapturePrinting();
        Browser.Find("#print-statement").Click();
        var statement = Browser.PrintedText();
        statement.Should().Contain("补偿结算单").And.Contain(Households.Son.Name).And.Contain("计算过程");
        Browser.Screenshot("window-settled");

        Browser.Select("#pay-form [name=method]", "cash");
        Browser.Find("#pay").Click();
        Browser.WaitFor("#claim-status", "已支付");
        claim = await window.GetFromJsonAsync<JsonElement>($"/api/claims/{number}");
        claim.GetProperty("paymentMethod").GetString().Should().Be("cash");
        var audit = await (await county.App.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>("/api/audit/records?actor=window&pageSize=200");
        audit.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("entityType").GetString()).Should().Contain("Claim",
            "the clerk's entries through the console are audited as the clerk's");
    }

    [Fact]
    public void A_refused_claim_shows_the_chinese_title_and_marks_the_field_and_keeps_what_was_typed()
    {
        Browser.SignIn("window");
        Browser.Go("window/claims/new");
        Browser.Type("[name=idNumber]", Households.Wife.IdNumber);
        Browser.Type("[name=invoiceNumber]", "MZ-REFUSED");
        Browser.Find("#claim-lines tr:nth-child(1) [name=amount]").SendKeys("-5");
        Browser.WaitFor("#claim-lines .field-error", "金额须为正数");
        Browser.Find("#submit-claim").Click();
        Browser.WaitFor("#claim-out .problem", "金额不对");
        Browser.Type("#claim-lines tr:nth-child(1) [name=amount]", "80");
        Browser.Find("#submit-claim").Click();
        Browser.WaitFor("#claim-out .problem", "错误代码");
        Browser.FindAll("[aria-invalid=true]").Should().NotBeEmpty("the fields the API named are marked");
        Browser.Find("[name=invoiceNumber]").GetAttribute("value").Should().Be("MZ-REFUSED");
    }

    [Fact]
    public async Task A_clerk_registers_a_household_enrols_it_and_prints_the_receipt()
    {
        Browser.SignIn("window");
        Browser.Go("window/households/new");
        Browser.Type("[name=cardNumber]", "3301991010019901");
        Browser.Select("[name=townshipCode]", Households.Township);
        Browser.Select("[name=villageCode]", Households.Village);
        Browser.Type("[name=address]", "三组8号");
        Browser.Type("#members tr:nth-child(1) [name=name]", "赵大山");
        Browser.Type("#members tr:nth-child(1) [name=idNumber]", Households.Id("19650304", 51));
        Browser.Find("#add-member-row").Click();
        Browser.Type("#members tr:nth-child(2) [name=name]", "赵小河");
        Browser.Type("#members tr:nth-child(2) [name=idNumber]", Households.Id("19950607", 62));
        Browser.Select("#members tr:nth-child(2) [name=relationship]", "child");
        Browser.Find("#save-household").Click();

        Browser.WaitFor("#household-members tbody tr", "赵小河");
        Browser.Find("#enrol").Click();
        Browser.WaitFor("#receipt-doc", "参合缴费收据");
        Browser.CapturePrinting();
        Browser.Find("#print-receipt").Click();
        var printed = Browser.PrintedText();
        printed.Should().Contain("赵大山").And.Contain("赵小河").And.Contain("3301991010019901");
        Browser.Screenshot("window-receipt");

        var coverage = await (await county.App.ClientForAsync("window"))
            .GetFromJsonAsync<JsonElement>($"/api/coverage?idNumber={Households.Id("19950607", 62)}");
        coverage.GetProperty("covered").GetBoolean().Should().BeTrue(coverage.ToString());
        var receipt = Browser.Find("#receipt-doc").Text;
        receipt.Should().Contain(coverage.GetProperty("fundYear").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_window_sees_only_the_window_menus()
    {
        Browser.SignIn("window");
        Browser.Menus().Should().Contain(["录入纸质报销", "查找人员", "参合资格查询", "新建家庭户"])
            .And.NotContain(m => m == "审核队列" || m == "试算平衡表" || m == "工作人员账号");
        Browser.Screenshot("window-home");
    }

    [Fact]
    public void The_console_refreshes_an_expiring_token_and_signing_out_ends_the_session()
    {
        Browser.SignIn("window");
        var script = (IJavaScriptExecutor)Browser.Driver;
        var first = (string)script.ExecuteScript("return JSON.parse(sessionStorage.getItem('coop.console.tokens')).access")!;
        script.ExecuteScript("const t = JSON.parse(sessionStorage.getItem('coop.console.tokens')); t.expiresAt = Date.now(); " +
            "sessionStorage.setItem('coop.console.tokens', JSON.stringify(t))");
        Browser.Driver.Navigate().Refresh();
        Browser.WaitReady();
        var second = (string)script.ExecuteScript("return JSON.parse(sessionStorage.getItem('coop.console.tokens')).access")!;
        second.Should().NotBe(first, "a token about to expire is replaced through the refresh token before the screen asks the API");

        Browser.Find("#sign-out").Click();
        Browser.WaitFor("#signed-out", "您已退出登录");
        script.ExecuteScript("return sessionStorage.getItem('coop.console.tokens')").Should().BeNull();
        Browser.Find("#sign-in").Click();
        Browser.Chromium.WaitUntil(d => d.FindElement(By.Id("username")).Displayed, "the sign-in page again: no session survives signing out");
    }

    [Fact]
    public async Task A_facility_token_gets_no_console()
    {
        var token = (await county.App.FacilityClientAsync("H0001")).DefaultRequestHeaders.Authorization!.Parameter!;
        Browser.SignInWithToken(token);
        Browser.WaitFor("#no-console", "不能使用管理端");
        Browser.Menus().Should().BeEmpty();
    }

    private void EnterLine(int index, string code, string quantity, string unitPrice)
    {
        var row = $"#claim-lines tr:nth-child({index + 1})";
        Browser.Type($"{row} [name=code]", code);
        Browser.WaitFor($"{row} .suggest li", code).Click();
        Browser.Type($"{row} [name=quantity]", quantity);
        Browser.Type($"{row} [name=unitPrice]", unitPrice);
        Browser.Find($"{row} [name=amount]").Click();
    }
}
