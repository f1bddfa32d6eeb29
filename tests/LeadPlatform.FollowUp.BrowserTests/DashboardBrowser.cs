using System.Text.RegularExpressions;
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
    /// <summary>The mail provider's webhook secret of this host (<c>/api/v1/email/inbound</c>, <c>/api/v1/email/events</c>).</summary>
    public const string EmailWebhookSecret = "browser-test-email-webhook-secret";
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
            $"--FollowUp:EmailWebhookSecret={EmailWebhookSecret}",
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

    /// <summary>The admin's TOTP secret once enrolled (admins must enrol at their first sign-in).</summary>
    public byte[]? SecondFactorSecret { get; private set; }

    /// <summary>Signs in someone who has no second factor (a coordinator, a compliance officer): the password only.</summary>
    public async Task SignInWithPasswordAsync(string email, string password)
    {
        await Page.GotoAsync(Url("/dashboard"));
        await Page.ArrivedAtAsync(@"/dashboard/sign-in");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up queue" }).WaitForAsync();
    }

    /// <summary>Signs in as the admin: the password, then the enrolment of a second factor (first time) or its code.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync(Url("/dashboard"));
        await Page.ArrivedAtAsync(@"/dashboard/sign-in");
        await Page.GetByLabel("Email").FillAsync(AdminEmail);
        await Page.GetByLabel("Password").FillAsync(AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.ArrivedAtAsync(new Regex("/dashboard/(security/two-factor|sign-in/code)$"));
        if (Page.Url.EndsWith("/dashboard/sign-in/code", StringComparison.Ordinal))
        {
            await Page.GetByLabel("Code from your authenticator app").FillAsync(CurrentCode(next: false));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        else
        {
            await EnrolSecondFactorAsync();
        }
        await Page.GotoAsync(Url("/dashboard"));
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up queue" }).WaitForAsync();
    }

    /// <summary>On the enrolment page: types the shown key into "the app" (the test) and confirms with the code it makes.</summary>
    public async Task EnrolSecondFactorAsync(Func<Task>? beforeConfirming = null)
    {
        var key = (await Page.Locator("code.secret").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        SecondFactorSecret = LeadPlatform.FollowUp.Auth.Totp.FromBase32(key);
        if (beforeConfirming is not null) await beforeConfirming();
        await Page.GetByLabel("Code from your authenticator app").FillAsync(CurrentCode(next: false));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Page.GetByText("Your second factor is on").WaitForAsync();
    }

    /// <summary>The code of now (or of the next step, when the current one was just used).</summary>
    public string CurrentCode(bool next) =>
        LeadPlatform.FollowUp.Auth.Totp.Code(SecondFactorSecret!, LeadPlatform.FollowUp.Auth.Totp.StepAt(DateTimeOffset.UtcNow) + (next ? 1 : 0));

    /// <summary>
    /// Posts a quote request as the example site does and finds its lead as an integration finds it (the public answer
    /// names the request only; follow-up is asked by it with the API token). Returns the lead's id.
    /// </summary>
    /// <summary>
    /// A first name unique to one test run: <paramref name="prefix"/> and six random digits, no digit the same as the one
    /// before it. Three equal characters in a row make qualification's placeholder-name rule ("aaa", "555") disqualify the
    /// lead, which failed a test about one run in twenty-five per name.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        var name = new System.Text.StringBuilder(prefix);
        var previous = -1;
        for (var i = 0; i < 6; i++)
        {
            var digit = Random.Shared.Next(i == 0 ? 1 : 0, 9);
            if (digit >= previous && previous >= 0) digit++;
            name.Append((char)('0' + digit));
            previous = digit;
        }

        return name.ToString();
    }

    public async Task<string> SubmitAndFindLeadAsync(System.Text.Json.Nodes.JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = System.Net.Http.Json.JsonContent.Create(request) };
        message.Headers.Add("X-Api-Key", "example-development-key");
        using var response = await Host.Http.SendAsync(message);
        Xunit.Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = (string)(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content))!["quoteRequestId"]!;
        var lead = await Eventually.GetAsync(async () =>
        {
            using var found = await Host.Http.GetAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}");
            return found.StatusCode == System.Net.HttpStatusCode.OK
                ? await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(found.Content)
                : null;
        }, l => l is not null, TimeSpan.FromSeconds(30), "the lead of the request");
        return (string)lead!["leadId"]!;
    }

    /// <summary>Waits until follow-up has the lead's qualification: server-rendered pages show it only once it arrived.</summary>
    public Task QualifiedAsync(string leadId) =>
        Eventually.GetAsync(async () =>
        {
            using var found = await Host.Http.GetAsync($"/api/v1/leads/{leadId}");
            return found.StatusCode == System.Net.HttpStatusCode.OK
                ? await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(found.Content)
                : null;
        }, l => l?["timeline"]?.AsArray().Any(e => (string?)e?["kind"] == "qualified") == true, TimeSpan.FromSeconds(60), $"lead {leadId} to be qualified");

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
