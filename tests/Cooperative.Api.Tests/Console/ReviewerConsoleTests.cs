using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Console;

/// <summary>The reviewer's menu (报销审核) in the console: the review queue, a claim step by step, the decision.</summary>
public sealed class ReviewerConsoleTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private ConsoleBrowser Browser => fixture.Browser;

    private static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reviewer_opens_a_flagged_claim_from_the_queue_reads_its_calculation_and_rejects_it_with_a_reason()
    {
        var hospital = await fixture.App.FacilityClientAsync("H0001");
        var first = await (await SubmitAsync(hospital, InpatientBill(Head, "RV-1", "2026-10-20", "2026-10-25"), "rv-1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var flagged = await (await SubmitAsync(hospital, InpatientBill(Head, "RV-2", "2026-11-02", "2026-11-08"), "rv-2"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        flagged.GetProperty("status").GetString().Should().Be("under_review", "a readmission within 15 days waits for a reviewer");
        var number = flagged.GetProperty("number").GetString()!;
        var settlement = flagged.GetProperty("settlement");

        Browser.SignIn("reviewer");
        Browser.Go("review/queue");
        var row = Browser.WaitFor("#review-queue tbody tr", number);
        row.Text.Should().Contain("15日内再次住院", "the flag shows as a tag in Chinese").And.Contain(Head.Name);
        Browser.Screenshot("reviewer-queue");

        row.Click();
        Browser.WaitFor("#settlement-steps", "基金支付（补偿金额）");
        Step("费用总额").Should().Be(Money(settlement.GetProperty("total").GetDecimal()));
        Step("减：目录外（自费）费用").Should().Be(Money(settlement.GetProperty("excluded").GetDecimal()));
        Step("可报销费用").Should().Be(Money(settlement.GetProperty("eligible").GetDecimal()));
        Step("减：起付线").Should().Be(Money(settlement.GetProperty("deductibleApplied").GetDecimal()));
        Step("基金支付（补偿金额）").Should().Be(Money(settlement.GetProperty("reimbursement").GetDecimal()));
        Step("个人自付").Should().Be(Money(settlement.GetProperty("patientShare").GetDecimal()));
        Browser.FindAll("#settlement-steps tr").Select(r => r.Text).Should().Contain(t => t.StartsWith("分段", StringComparison.Ordinal) && t.Contains('%'),
            "each band shows its ratio");
        Browser.Find("#settlement-checks").Text.Should().Contain("核对相符").And.NotContain("核对不符");
        Browser.Find("#claim-facts").Text.Should().Contain(Head.IdNumber).And.Contain("2026-11-02");
        Browser.WaitFor("#diagnosis", "K35.8 急性阑尾炎");
        Browser.Find("#claim-history").Text.Should().Contain("自动标记：15日内再次住院", "the rules' note names the flag in Chinese");
        Browser.WaitFor("#other-claims tbody tr", first.GetProperty("number").GetString()!);
        Browser.Find("#other-claims").Text.Should().NotContain(number, "the person's other claims leave this one out");
        ((IJavaScriptExecutor)Browser.Driver).ExecuteScript("document.getElementById('claim-status').scrollIntoView()");
        Browser.Screenshot("reviewer-claim");

        Browser.Find("#reject").Click();
        Browser.WaitFor("#review-form .field-error", "审核不通过必须填写理由");
        (await ClaimAsync(number)).GetProperty("status").GetString().Should().Be("under_review", "a rejection without a reason is not sent");

        Browser.Type("#review-form textarea[name=reason]", "住院指征不足，不予报销");
        Browser.Find("#reject").Click();
        Browser.WaitFor("#review-done", "已审核不通过").Text.Should().Contain("住院指征不足，不予报销");
        Browser.Find("#claim-status").Text.Should().Contain("已冲销");
        Browser.FindAll("#review-form").Should().BeEmpty("a decided claim offers no decision");

        var rejected = await ClaimAsync(number);
        rejected.GetProperty("status").GetString().Should().Be("reversed", "a rejected settled claim is reversed in the ledger");
        rejected.GetProperty("reviewNote").GetString().Should().Be("住院指征不足，不予报销");
        rejected.GetProperty("history").EnumerateArray()
            .Should().Contain(h => h.GetProperty("to").GetString() == "rejected" && h.GetProperty("note").GetString() == "住院指征不足，不予报销"
                && h.GetProperty("by").GetString() == "reviewer");
    }

    [Fact]
    public void A_reviewer_sees_the_review_menu_and_neither_administration_nor_audit()
    {
        Browser.SignIn("reviewer");

        Browser.FindAll("#menu h2").Select(e => e.Text).Should().Equal("报销审核");
        Browser.Menus().Should().Equal("首页", "审核队列", "报销单查询");
        Browser.Go("audit/trial-balance");
        Browser.WaitFor("#view h1", "没有这个页面");
    }

    [Fact]
    public async Task A_reviewer_finds_a_claim_by_the_patients_id_number_in_the_claims_search()
    {
        var hospital = await fixture.App.FacilityClientAsync("H0001");
        var claim = await (await SubmitAsync(hospital, InpatientBill(Son, "RV-S1", "2026-09-01", "2026-09-05"), "rv-s1"))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        var number = claim.GetProperty("number").GetString()!;

        Browser.SignIn("reviewer");
        Browser.Go("review/claims");
        Browser.WaitFor("#claim-filters");
        Browser.Type("#claim-filters input[name=q]", Son.IdNumber);
        Browser.Find("#claim-filters button[type=submit]").Click();

        Browser.WaitFor("#claims tbody tr", number).Text.Should().Contain(Son.Name).And.Contain("已结算");
        Browser.FindAll("#claims tbody tr").Should().OnlyContain(r => r.Text.Contains(Son.Name), "only the son's claims match his ID number");
        Browser.Find("#claims tbody tr").Click();
        Browser.WaitFor("#view h1", number);
        Browser.FindAll("#review-form").Should().BeEmpty("a settled claim not under review has no decision to make");
    }

    private string Step(string text)
    {
        var row = Browser.FindAll("#settlement-steps tbody tr").FirstOrDefault(r => r.FindElement(By.CssSelector("td")).Text == text);
        row.Should().NotBeNull($"the calculation shows the step {text}");
        return row!.FindElement(By.CssSelector("td.num")).Text;
    }

    private async Task<JsonElement> ClaimAsync(string number) =>
        await (await (await fixture.App.ClientForAsync("reviewer")).GetAsync($"/api/claims/{number}")).ShouldBeOkAsync<JsonElement>();
}
