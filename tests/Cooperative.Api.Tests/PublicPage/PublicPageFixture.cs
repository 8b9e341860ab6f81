using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.PublicPage;

/// <summary>
/// One app on Kestrel and one headless chromium for the browser tests of a class: starting both costs
/// seconds. Each test opens the page afresh and reads only what it filed itself.
/// </summary>
public sealed class PublicPageFixture : IAsyncLifetime
{
    public CooperativeApp App { get; private set; } = null!;
    public HeadlessChromium Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every filing of the class comes from 127.0.0.1: lift the per-address limit (its own test is an API test).
        App = await CooperativeApp.StartOnKestrelAsync(s => s["Complaints:FilingsPerWindow"] = "1000");
        Browser = HeadlessChromium.Start();
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }

    /// <summary>Loads the page anew at one of its sections (disclosure, facilities, complaints).</summary>
    public void Open(string section)
    {
        Browser.Driver.Navigate().GoToUrl("about:blank");
        Browser.Driver.Navigate().GoToUrl(new Uri(App.Address!, $"/#{section}"));
        Browser.WaitUntil(d => (bool)((OpenQA.Selenium.IJavaScriptExecutor)d).ExecuteScript("return document.body.classList.contains('ready')")!,
            "the page's script to start");
    }
}
