using Cooperative.Api.Tests.Disclosures;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using static Cooperative.Api.Tests.Disclosures.DisclosureMonthScenario;

namespace Cooperative.Api.Tests.PublicPage;

/// <summary>An app on Kestrel with November 2026 settled and published, and a headless chromium reading it.</summary>
public sealed class PublishedMonthFixture : IAsyncLifetime
{
    public CooperativeApp App { get; private set; } = null!;
    public HeadlessChromium Browser { get; private set; } = null!;
    public (Settled Head, Settled Son, Settled Wife) Claims { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = FixedClock.At(2026, 1, 5);
        App = await CooperativeApp.StartOnKestrelAsync(clock: clock);
        Claims = await SettleNovemberAsync(App, clock);
        clock.Now = FixedClock.At(2026, 12, 2).Now;
        await PublishAsync(await App.ClientForAsync("admin"), November);
        Browser = HeadlessChromium.Start();
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

public sealed class PublishedMonthBrowserTests(PublishedMonthFixture page) : IClassFixture<PublishedMonthFixture>
{
    private ChromeDriver Driver => page.Browser.Driver;

    [Fact]
    public void The_latest_published_month_opens_with_its_summary_list_and_excel_link_and_filters_by_village_and_facility()
    {
        Driver.Navigate().GoToUrl(new Uri(page.App.Address!, "/#disclosure"));
        page.Browser.WaitUntil(d => d.FindElement(By.Id("disclosure-body")).Displayed, "the published month");

        Driver.FindElement(By.Id("month")).GetAttribute("value").Should().Be(November);
        var (head, son, wife) = page.Claims;
        var summary = Driver.FindElement(By.Id("summary")).Text;
        summary.Should().Contain("补偿人次").And.Contain((head.FundPays + son.FundPays + wife.FundPays).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        Rows("inpatients").Should().HaveCount(2).And.Contain(r => r.StartsWith("王*国 男 56 城关镇叶庄村 杭城市人民医院", StringComparison.Ordinal));
        Rows("outpatient-villages").Should().Equal($"城关镇叶庄村 1 {Money(wife.Total)} {Money(wife.FundPays)}");
        Driver.FindElement(By.Id("xlsx-link")).GetAttribute("href").Should().EndWith($"/api/public/disclosures/{November}.xlsx");
        Driver.PageSource.Should().NotContain(Enrollment.Households.Head.Name).And.NotContain(Enrollment.Households.Head.IdNumber);

        Driver.FindElement(By.CssSelector("#filter-facility option[value='杭城市人民医院']")).Click();
        page.Browser.WaitUntil(d => d.FindElements(By.CssSelector("#inpatients tbody tr")).Count == 1, "the list filtered by facility");
        Rows("inpatients").Single().Should().Contain("杭城市人民医院");
        Rows("outpatient-facilities").Single().Should().Be("没有符合条件的门诊补偿");
    }

    private List<string> Rows(string table) => Driver.FindElements(By.CssSelector($"#{table} tbody tr")).Select(r => r.Text).ToList();

    private static string Money(decimal value) => value.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
