using System.Globalization;
using Cooperative.Api.Tests.Benefits;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;
using static Cooperative.Api.Tests.Disclosures.BenefitMonthScenario;
using static Cooperative.Api.Tests.Disclosures.DisclosureMonthScenario;

namespace Cooperative.Api.Tests.Disclosures;

/// <summary>The public page reading a month with every kind and payer, in a headless chromium against the app on Kestrel.</summary>
public sealed class BenefitDisclosurePageTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;
    private HeadlessChromium? _browser;

    public async Task InitializeAsync()
    {
        var clock = FixedClock.At(2026, 1, 5);
        _app = await CooperativeApp.StartOnKestrelAsync(clock: clock);
        await Fund.LedgerScenario.OpenBooksAsync(await _app.ClientForAsync("admin"), "2026-01-01", Claims.ClaimScenario.OpeningBank);
        await BenefitPolicy.AddVersionAsync(_app);
        await Enrollment.Households.EnrolledWangsAsync(await _app.ClientForAsync("window"));
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        Month = await SettleNovemberAsync(await _app.ClientForAsync("window"), await _app.FacilityClientAsync("H0001"));
        clock.Now = FixedClock.At(2026, 12, 2).Now;
        await PublishAsync(await _app.ClientForAsync("admin"), November);
        _browser = HeadlessChromium.Start();
    }

    public async Task DisposeAsync()
    {
        _browser?.Dispose();
        await _app.DisposeAsync();
    }

    private Month Month { get; set; } = null!;

    [Fact]
    public void The_page_shows_a_line_per_benefit_kind_each_payers_totals_and_the_kind_of_each_stay()
    {
        var driver = _browser!.Driver;
        driver.Navigate().GoToUrl(new Uri(_app.Address!, "/#disclosure"));
        _browser.WaitUntil(d => d.FindElement(By.Id("disclosure-body")).Displayed, "the published month");

        var rows = driver.FindElements(By.CssSelector("#by-benefit tbody tr")).Select(r => r.Text).ToList();
        rows.Select(r => r.Split(' ')[0]).Should().Equal("住院", "普通门诊", "门诊慢性病/特殊病种", "住院分娩");
        rows[3].Should().Be($"住院分娩 1 1 {Money(Month.Delivery, "total")} {Money(Month.Delivery, "fundPays")} 0.00 {Money(Month.Delivery, "assistancePays")}");
        var summary = driver.FindElement(By.Id("summary")).Text;
        summary.Should().Contain("大病保险支付（元）").And.Contain(Format(Sum(Month.All, "catastrophicPays")))
            .And.Contain("医疗救助支付（元）").And.Contain(Format(Sum(Month.All, "assistancePays")))
            .And.Contain("个人自付（元）").And.Contain(Format(Sum(Month.All, "patientPays")));
        driver.FindElements(By.CssSelector("#inpatients tbody tr")).First().Text.Should().Contain(" 住院分娩 ");
        driver.PageSource.Should().NotContain(Enrollment.Households.Wife.Name).And.NotContain(Enrollment.Households.Wife.IdNumber);
    }

    private static string Money(System.Text.Json.JsonElement claim, string property) => Format(claim.GetProperty(property).GetDecimal());

    private static string Format(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
