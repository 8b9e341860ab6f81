using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, headless, driven by Debian's chromedriver through Selenium WebDriver, with a fresh
/// profile of its own. Nothing is downloaded: when the packages are missing the tests fail and say how to
/// install them (<c>.ci/run</c> and <c>tests/run.sh</c> install them before the tests).
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    private readonly string _profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static HeadlessChromium Start()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
            throw new InvalidOperationException(
                $"The browser tests need {BrowserPath} and {DriverPath}: apt-get update && apt-get install -y chromium chromium-driver " +
                "(.ci/run and tests/run.sh install them).");
        var profile = Directory.CreateTempSubdirectory("coop-chromium-").FullName;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1024",
            "--lang=zh-CN", $"--user-data-dir={profile}");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new HeadlessChromium(driver, profile);
    }

    /// <summary>Waits (10 s at most) until the condition holds; fails with the message otherwise.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                if (condition(Driver)) return;
            }
            catch (Exception e) when (e is NoSuchElementException or StaleElementReferenceException)
            {
                // not there yet
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited 10 s for {what}. Page text: {Driver.FindElement(By.TagName("body")).Text}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The text of an element once it is not empty.</summary>
    public string TextOf(string id)
    {
        var text = "";
        WaitUntil(d => (text = d.FindElement(By.Id(id)).Text).Length > 0, $"text in #{id}");
        return text;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still hold a file for a moment; the folder is in /tmp
        }
    }
}
