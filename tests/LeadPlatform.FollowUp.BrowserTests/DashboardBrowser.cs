using Deque.AxeCore.Playwright;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// The standalone host (all three services, in-process bus, LiteDB under a temporary data folder) on Kestrel, and a
/// headless Chromium (Debian's, never downloaded) signed in as the bootstrap admin.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string AdminEmail = "admin@clinic.example";
    public const string AdminPassword = "browser-test-admin-password";
    public const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    public static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    private DashboardBrowser(RunningHost host, string dataFolder, IPlaywright playwright, IBrowser browser, IPage page) =>
        (Host, DataFolder, Playwright, Browser, Page) = (host, dataFolder, playwright, browser, page);

    public RunningHost Host { get; }
    public string DataFolder { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public IPage Page { get; }

    public static async Task<DashboardBrowser> StartAsync()
    {
        Requirements.SkipUnlessAvailable("chromium", File.Exists(Chromium) ? null : $"Chromium is not installed at {Chromium}");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Artifacts);
        var dataFolder = Directory.CreateTempSubdirectory("leadplatform-dashboard-browser-").FullName;
        var host = await RunningHost.StartAsync(StandaloneHost.Build,
            $"--Storage:DataFolder={dataFolder}",
            "--Outbox:PollInterval=00:00:00.100",
            $"--FollowUp:ClinicPostalAddress={ClinicAddress}",
            $"--Auth:BootstrapAdmin:Email={AdminEmail}",
            $"--Auth:BootstrapAdmin:Password={AdminPassword}");
        // The bootstrap admin is created beside the start, not before it.
        var accounts = host.App.Services.GetRequiredService<AccountService>();
        await Eventually.GetAsync(() => accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        return new DashboardBrowser(host, dataFolder, playwright, browser, page);
    }

    public string Url(string path) => new Uri(Host.Address, path).ToString();

    public Task SignInAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>Signs in as someone else (sign out first if someone is signed in).</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync(Url("/dashboard"));
        await Page.WaitForURLAsync("**/dashboard/sign-in**");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up queue" }).WaitForAsync();
    }

    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, $"dashboard-{name}.png"), FullPage = true });

    /// <summary>axe-core's serious and critical violations on the current page, as "id: help (where)".</summary>
    public async Task<List<string>> SeriousAccessibilityViolationsAsync()
    {
        var results = await Page.RunAxe();
        return results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
