using Microsoft.Playwright;

namespace LeadPlatform.Intake.BrowserTests;

/// <summary>Debian's Chromium through Playwright (no browser download), and where the screenshots go.</summary>
internal static class BrowserSession
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Artifacts);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", .. extraArgs],
        });
        return (playwright, browser);
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>The quote request id in a thank-you page's address.</summary>
    public static Guid QuoteRequestIdIn(string url)
    {
        var query = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
        return Guid.Parse(query["quoteRequestId"]);
    }
}
