using System.Text.RegularExpressions;
using Cooperative.Api.Tests.Complaints;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Cooperative.Api.Tests.PublicPage;

/// <summary>The public page in a real headless browser against the app on Kestrel and MariaDB.</summary>
public sealed class PublicPageBrowserTests(PublicPageFixture page) : IClassFixture<PublicPageFixture>
{
    private ChromeDriver Driver => page.Browser.Driver;

    [Fact]
    public void The_page_opens_in_chinese_with_its_three_sections_and_says_when_a_month_is_not_published_yet()
    {
        page.Open("disclosure");

        page.Browser.WaitUntil(d => d.Title == "杭城市新型农村合作医疗信息公开", "the county's name in the title");
        Driver.FindElement(By.Id("site-title")).Text.Should().Be("杭城市新型农村合作医疗信息公开");
        Driver.FindElement(By.TagName("footer")).Text.Should().StartWith("杭城市新型农村合作医疗管理办公室");
        Driver.FindElements(By.CssSelector("nav a")).Select(a => a.Text).Should().Equal("每月补偿公示", "定点医疗机构", "投诉与建议");
        Driver.FindElement(By.Id("disclosure")).Displayed.Should().BeTrue();
        Driver.FindElement(By.Id("complaints")).Displayed.Should().BeFalse("one section shows at a time");
        page.Browser.WaitUntil(d => d.FindElement(By.Id("disclosure-status")).Text.EndsWith("本月公示尚未发布", StringComparison.Ordinal),
            "the not-yet-published message");
        Driver.FindElement(By.Id("disclosure-body")).Displayed.Should().BeFalse();
    }

    [Fact]
    public void The_designated_facilities_are_listed_fifty_to_a_page_and_filter_by_level()
    {
        page.Open("facilities");

        page.Browser.WaitUntil(d => d.FindElement(By.Id("facility-total")).Text == "共 187 家定点医疗机构", "the facility total");
        var rows = Driver.FindElements(By.CssSelector("#facility-table tbody tr"));
        rows.Should().HaveCount(50);
        rows[0].Text.Should().Be("城关镇城东社区卫生服务中心 社区卫生服务中心 城关镇 定点");
        rows.Select(r => r.Text).Should().Contain("杭城市人民医院 县级医院 城关镇 定点");
        Driver.FindElement(By.Id("facility-page")).Text.Should().Be("第 1 / 4 页");
        Driver.FindElement(By.Id("facility-next")).Click();
        page.Browser.WaitUntil(d => d.FindElement(By.Id("facility-page")).Text == "第 2 / 4 页", "the second page");

        Choose("facility-level", "county");
        Driver.FindElement(By.CssSelector("#facility-filter button")).Click();
        page.Browser.WaitUntil(d => d.FindElement(By.Id("facility-total")).Text == "共 6 家定点医疗机构", "the county hospitals");
        Driver.FindElements(By.CssSelector("#facility-table tbody tr")).Should().HaveCount(6)
            .And.OnlyContain(r => r.Text.Contains("县级医院"));
    }

    [Fact]
    public async Task A_complaint_filed_through_the_form_gets_a_number_and_code_and_its_status_and_answer_can_be_looked_up()
    {
        page.Open("complaints");

        FillAndSubmit("claim", "报销单 BX-2026-000123 的补偿金额少算了200元。", "李四", "13912345678");

        var number = page.Browser.TextOf("result-number");
        var code = Driver.FindElement(By.Id("result-code")).Text;
        number.Should().MatchRegex(@"^TS-\d{4}-\d{6}$");
        code.Should().MatchRegex("^[A-Z2-9]{8}$");
        Driver.FindElement(By.Id("result-deadline")).Text.Should().EndWith("（15天内）");
        Driver.FindElement(By.Id("complaint-content")).GetAttribute("value").Should().BeEmpty("the form is cleared for the next one");
        LookUp(number, code);
        Details().Should().Contain("办理状态").And.Contain("已受理").And.Contain("尚未答复").And.NotContain("13912345678");

        var window = await page.App.ClientForAsync("window");
        await window.ActOkAsync(number, "assign", new { assignee = "window" });
        await window.ActOkAsync(number, "answer", new { answer = "经复核，已补发少算的补偿200元。" });
        LookUp(number, code);
        Details().Should().Contain("已答复").And.Contain("经复核，已补发少算的补偿200元。");
    }

    [Fact]
    public void The_api_validation_messages_show_in_chinese_beside_the_fields()
    {
        page.Open("complaints");

        FillAndSubmit("facility", "", "", "12");

        page.Browser.WaitUntil(d => d.FindElement(By.CssSelector(".field-error[data-for=content]")).Text == "内容不能为空", "the content message");
        Driver.FindElement(By.CssSelector(".field-error[data-for=contactName]")).Text.Should().Be("联系人姓名不能为空");
        Driver.FindElement(By.CssSelector(".field-error[data-for=contactPhone]")).Text.Should().StartWith("联系电话格式不正确");
        Driver.FindElement(By.Id("complaint-error")).Text.Should().Be("请按提示修改后再提交");
        Driver.FindElement(By.Id("complaint-result")).Displayed.Should().BeFalse();
    }

    [Fact]
    public void Markup_in_a_complaint_is_shown_as_literal_text_and_never_runs()
    {
        const string content = "<script>window.__pwned = 'script'</script><img src=x onerror=\"window.__pwned = 'img'; alert('xss')\"> 乱收费";
        const string subject = "<b onmouseover=alert(1)>卫生院</b>";
        page.Open("complaints");

        FillAndSubmit("facility", content, "<i>王五</i>", "0571-88886666", subject);
        var number = page.Browser.TextOf("result-number");
        LookUp(number, Driver.FindElement(By.Id("result-code")).Text);

        var values = Driver.FindElements(By.CssSelector("#lookup-details dd")).Select(d => d.Text).ToList();
        values.Should().Contain(content).And.Contain(subject);
        Driver.FindElements(By.CssSelector("#lookup-details *")).Select(e => e.TagName).Should().OnlyContain(t => t == "dt" || t == "dd");
        ((IJavaScriptExecutor)Driver).ExecuteScript("return typeof window.__pwned").Should().Be("undefined");
        var alert = () => Driver.SwitchTo().Alert();
        alert.Should().Throw<NoAlertPresentException>();
    }

    private void FillAndSubmit(string category, string content, string name, string phone, string subject = "")
    {
        Choose("complaint-category", category);
        Type("complaint-subject", subject);
        Type("complaint-content", content);
        Type("complaint-name", name);
        Type("complaint-phone", phone);
        Driver.FindElement(By.Id("complaint-submit")).Click();
    }

    private void LookUp(string number, string code)
    {
        Type("lookup-number", number);
        Type("lookup-code", code);
        var before = Driver.FindElement(By.Id("lookup-details")).Text;
        Driver.FindElement(By.CssSelector("#lookup-form button")).Click();
        page.Browser.WaitUntil(d => d.FindElement(By.Id("lookup-result")).Displayed && d.FindElement(By.Id("lookup-details")).Text != before
            || d.FindElement(By.Id("lookup-error")).Text.Length > 0, "the lookup's answer");
        Driver.FindElement(By.Id("lookup-error")).Text.Should().BeEmpty();
    }

    private void Choose(string selectId, string value) =>
        Driver.FindElement(By.CssSelector($"#{selectId} option[value='{value}']")).Click();

    private string Details() => Regex.Replace(Driver.FindElement(By.Id("lookup-details")).Text, @"\s+", " ");

    private void Type(string id, string text)
    {
        var field = Driver.FindElement(By.Id(id));
        field.Clear();
        if (text.Length > 0) field.SendKeys(text);
    }
}
