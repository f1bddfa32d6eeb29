using Deque.AxeCore.Playwright;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// The page every text message links to, on a patient's phone (390×844) in Chromium (issue 18): in the lead's language,
/// readable without sideways scrolling, the FDA's consumer page a link, no internal id, no accessibility violations.
/// </summary>
public sealed class A_patient_reading_the_full_disclaimer : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    [Theory]
    [InlineData("es", "Sobre este tratamiento")]
    [InlineData("en", "About this treatment")]
    public async Task Reads_the_disclaimer_of_a_text_on_a_phone_in_their_language_without_sideways_scrolling(string language, string heading)
    {
        var link = _dashboard.Host.App.Services.GetRequiredService<PublicLinks>().FullDisclaimerUrl("spondylolysis", language);
        var page = await _dashboard.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await page.GotoAsync(_dashboard.Url(new Uri(link).PathAndQuery));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.Artifacts, $"disclaimer-{language}-390.png"), FullPage = true });

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.StartsWith(heading, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.Equal(1, await page.Locator("a[href^='https://www.fda.gov/']").CountAsync());
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("evidence.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FollowUp:", text, StringComparison.Ordinal);
        Assert.Contains(DashboardBrowser.ClinicAddress, text, StringComparison.Ordinal);
        Assert.Empty((await page.RunAxe()).Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}"));
    }
}
