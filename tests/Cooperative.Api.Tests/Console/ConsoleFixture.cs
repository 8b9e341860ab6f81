using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Cooperative.Api.Tests.Console;

/// <summary>
/// The county of the claim tests for the console's browser tests: the books opened and the Wangs enrolled on 5
/// January 2026, the clock then at 20 November 2026; the app on Kestrel (MariaDB) and one headless chromium. Each test
/// signs in through the real sign-in page as the role it plays.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const decimal OpeningBank = 500_000m;
    public CooperativeApp App { get; private set; } = null!;
    public FixedClock Clock { get; } = FixedClock.At(2026, 1, 5);
    public ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await CooperativeApp.StartOnKestrelAsync(clock: Clock);
        await Fund.LedgerScenario.OpenBooksAsync(await App.ClientForAsync("admin"), "2026-01-01", OpeningBank);
        await Households.EnrolledWangsAsync(await App.ClientForAsync("window"));
        Clock.Now = FixedClock.At(2026, 11, 20).Now;
        Browser = new ConsoleBrowser(HeadlessChromium.Start(), App.Address!);
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>The console in a headless chromium: sign in as a role, go to a screen, read it, take screenshots for the README.</summary>
public sealed class ConsoleBrowser(HeadlessChromium chromium, Uri address) : IDisposable
{
    public HeadlessChromium Chromium => chromium;
    public IWebDriver Driver => chromium.Driver;
    private OpenQA.Selenium.Chrome.ChromeDriver Script => chromium.Driver;

    /// <summary>Signs out whoever was signed in, then signs in on the sign-in page as the demo account of the role.</summary>
    public void SignIn(string role) => SignIn(role, CooperativeApp.DemoPassword(role));

    public void SignIn(string userName, string password)
    {
        Driver.Navigate().GoToUrl(new Uri(address, "/console/"));
        Script.ExecuteScript("sessionStorage.clear()");
        Driver.Navigate().GoToUrl(new Uri(address, "/console/"));
        chromium.WaitUntil(d => d.FindElement(By.Id("username")).Displayed, "the sign-in page");
        Driver.FindElement(By.Id("username")).SendKeys(userName);
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.Id("sign-in")).Click();
        WaitReady();
    }

    /// <summary>
    /// Puts a token obtained elsewhere (a facility's client credentials, say) into the console's session, as a tab that
    /// had signed in would hold it, and starts the console with it.
    /// </summary>
    public void SignInWithToken(string accessToken)
    {
        Driver.Navigate().GoToUrl(new Uri(address, "/console/"));
        Script.ExecuteScript("sessionStorage.clear(); sessionStorage.setItem('coop.console.tokens', JSON.stringify({ access: arguments[0], " +
            "refresh: null, id: null, expiresAt: Date.now() + 3600000 }))", accessToken);
        Driver.Navigate().Refresh();
        WaitReady();
    }

    public void WaitReady() =>
        chromium.WaitUntil(_ => (bool)Script.ExecuteScript("return document.body.classList.contains('ready')")!, "the console to start");

    /// <summary>Opens a screen by its address (#/window/claims/new) and waits for its content.</summary>
    public void Go(string hash)
    {
        var path = hash.TrimStart('#', '/');
        Driver.Navigate().GoToUrl(new Uri(address, "/console/#/" + path));
        WaitReady();
        var route = path.Split('?')[0];
        chromium.WaitUntil(_ => Equals(Script.ExecuteScript("return document.getElementById('view').dataset.rendered"), route), $"the screen {route}");
    }

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));
    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until an element matching the selector shows the text.</summary>
    public IWebElement WaitFor(string css, string text = "")
    {
        IWebElement? found = null;
        chromium.WaitUntil(d => (found = d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed && e.Text.Contains(text, StringComparison.Ordinal))) is not null,
            $"'{css}' showing '{text}'");
        return found!;
    }

    /// <summary>Types into the input named (or matching the selector), replacing what it held.</summary>
    public void Type(string css, string text)
    {
        var input = Find(css);
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Sets a value as picked from a control (a date from its calendar): typed keys depend on the browser's locale.</summary>
    public void SetValue(string css, string value) =>
        Script.ExecuteScript("const e = document.querySelector(arguments[0]); e.value = arguments[1]; " +
            "e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }))", css, value);

    public void Select(string css, string value) =>
        Script.ExecuteScript("const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }))",
            css, value);

    /// <summary>The menus shown, as their texts.</summary>
    public IReadOnlyList<string> Menus() => FindAll("#menu a").Select(a => a.Text).ToList();

    /// <summary>The printed document (what window.print would put on paper), captured instead of opening the print dialog.</summary>
    public string PrintedText()
    {
        chromium.WaitUntil(_ => (bool)Script.ExecuteScript("return window.__printed > 0")!, "a printed document");
        return (string)Script.ExecuteScript("return document.getElementById('print-area').innerText")!;
    }

    /// <summary>Stubs window.print (headless chromium would block on it), counts the calls and empties what was printed before.</summary>
    public void CapturePrinting() => Script.ExecuteScript(
        "document.getElementById('print-area').replaceChildren(); window.__printed = 0; window.print = () => { window.__printed++; }");

    /// <summary>Saves a screenshot to reports/console/{name}.png in the repository (the README shows them).</summary>
    public void Screenshot(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "reports", "console");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Cooperative.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Cooperative.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => chromium.Dispose();
}
