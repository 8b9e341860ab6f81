using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Cooperative.Api.Tests.Console;

/// <summary>The auditor's menu (审计查询) in the console: the books, the audit trail and its chain, the year's downloads. Read only.</summary>
public sealed class AuditorConsoleTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private ConsoleBrowser Browser => fixture.Browser;

    private static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private async Task<JsonElement> ApiAsync(string path) =>
        await (await (await fixture.App.ClientForAsync("auditor")).GetAsync(path)).ShouldBeOkAsync<JsonElement>();

    [Fact]
    public async Task An_auditor_reads_the_trial_balance_as_the_api_gives_it_and_downloads_the_audit_workbook()
    {
        var expected = await ApiAsync("/api/ledger/trial-balance");
        expected.GetProperty("balanced").GetBoolean().Should().BeTrue();

        Browser.SignIn("auditor");
        Browser.Go("audit/trial-balance");
        Browser.WaitFor("#trial-balance-total", "合计");
        var bank = expected.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1001");
        bank.GetProperty("debit").GetDecimal().Should().BeGreaterThan(0m, "the fund's bank account holds the opening balance and the contributions");
        Browser.Find("#trial-balance tr[data-code='1001'] td.debit").Text.Should().Be(Money(bank.GetProperty("debit").GetDecimal()));
        foreach (var account in expected.GetProperty("accounts").EnumerateArray())
        {
            var row = Browser.Find($"#trial-balance tr[data-code='{account.GetProperty("code").GetString()}']");
            row.FindElement(By.CssSelector("td.debit")).Text.Should().Be(Shown(account.GetProperty("debit").GetDecimal()));
            row.FindElement(By.CssSelector("td.credit")).Text.Should().Be(Shown(account.GetProperty("credit").GetDecimal()));
        }
        Browser.FindAll("#trial-balance tbody tr").Should().HaveCount(expected.GetProperty("accounts").GetArrayLength());
        Browser.Find("#trial-balance-total td.debit").Text.Should().Be(Money(expected.GetProperty("totalDebit").GetDecimal()));
        Browser.Find("#trial-balance-total td.credit").Text.Should().Be(Money(expected.GetProperty("totalCredit").GetDecimal()));
        Browser.Find("#balanced").Text.Should().Be("借贷平衡");
        Browser.Screenshot("auditor-trial-balance");

        var folder = Directory.CreateTempSubdirectory("coop-downloads-").FullName;
        try
        {
            // Test-only: chromium saves downloads into this folder without asking.
            fixture.Browser.Chromium.Driver.ExecuteCdpCommand("Browser.setDownloadBehavior",
                new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = folder });
            Browser.Go("audit/downloads");
            Browser.WaitFor("#download-workbook").Click();
            Browser.WaitFor("#download-workbook-card [role=status]", "下载完成");
            Browser.Find("#download-workbook-card progress").GetDomProperty("value").Should().Be("1");

            string? saved = null;
            fixture.Browser.Chromium.WaitUntil(_ => (saved = Directory.GetFiles(folder, "*.xlsx").FirstOrDefault()) is not null
                && Directory.GetFiles(folder, "*.crdownload").Length == 0 && new FileInfo(saved).Length > 0, "the workbook in the download folder");
            Path.GetFileName(saved).Should().Be("audit-2026.xlsx");
            using var workbook = new XLWorkbook(saved);
            workbook.Worksheets.Select(w => w.Name).Should().Contain("试算平衡表");
            workbook.Worksheet("试算平衡表").RowsUsed().Should().Contain(r => r.Cell(1).GetString() == "1001");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_auditor_finds_who_changed_what_in_the_audit_trail_and_sees_the_chain_verified_intact()
    {
        var records = await ApiAsync("/api/audit/records?actor=window");
        var total = records.GetProperty("total").GetInt32();
        total.Should().BePositive("the window registered and enrolled the Wangs");
        var verification = await ApiAsync("/api/audit/verify");
        verification.GetProperty("intact").GetBoolean().Should().BeTrue();

        Browser.SignIn("auditor");
        Browser.Go("audit/trail");
        Browser.WaitFor("#audit-filters");
        Browser.Type("#audit-filters input[name=actor]", "window");
        Browser.Find("#audit-filters button[type=submit]").Click();
        Browser.WaitFor(".paged .pager", $"共 {total} 条");
        Browser.FindAll("#audit-records tbody tr").Should().OnlyContain(r => r.Text.Contains("window", StringComparison.Ordinal));
        Browser.FindAll("#audit-records tbody tr").Should().Contain(r => r.Text.Contains("户（Household）", StringComparison.Ordinal));
        Browser.FindAll("#audit-records tbody tr").First(r => r.Text.Contains("户（Household）", StringComparison.Ordinal)).Click();
        Browser.WaitFor("#audit-detail", "内容变化");
        Browser.FindAll("#audit-changes tbody tr").Should().NotBeEmpty("the record's content is shown field by field");
        Browser.Screenshot("auditor-audit-trail");

        Browser.Go("audit/verify");
        Browser.WaitFor("#verify").Click();
        var shown = Browser.WaitFor("#chain-intact", "审计链完整").Text;
        var verified = long.Parse(System.Text.RegularExpressions.Regex.Match(shown, @"已校验 (\d+) 条").Groups[1].Value, CultureInfo.InvariantCulture);
        verified.Should().BeGreaterThanOrEqualTo(verification.GetProperty("verified").GetInt64(), "the records sealed since are verified too");
    }

    [Fact]
    public void An_auditor_sees_only_the_audit_menu_and_cannot_open_the_review_queue()
    {
        Browser.SignIn("auditor");

        Browser.FindAll("#menu h2").Select(e => e.Text).Should().Equal("审计查询");
        Browser.Menus().Should().Equal("首页", "试算平衡表", "收支表", "记账凭证", "明细账", "统筹基金核对", "账务核对", "审计日志", "审计链校验", "年度审计下载");
        Browser.Go("review/queue");
        Browser.WaitFor("#view h1", "没有这个页面");
    }

    /// <summary>An amount as the trial balance shows it: blank when zero.</summary>
    private static string Shown(decimal amount) => amount == 0m ? "" : Money(amount);
}
