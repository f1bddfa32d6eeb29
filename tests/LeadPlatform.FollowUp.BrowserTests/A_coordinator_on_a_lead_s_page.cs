using System.Text.RegularExpressions;
using LeadPlatform.TestSupport;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// The lead's own pages in Chromium on the real clock: the header card and action bar, two columns at 1280 px and one
/// at 390 px without sideways scrolling, a timeline without ids or hashes, and the call page that logs a voicemail with
/// a callback. Screenshots: lead-1280, lead-390, call-1280, call-390, lead-after-call; axe on each.
/// </summary>
public sealed partial class A_coordinator_on_a_lead_s_page : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{40,}")]
    private static partial Regex IdOrHash();

    /// <summary>Empty when the page fits the viewport's width; else the widest elements that stick out (for the message).</summary>
    private async Task<string> SidewaysAsync() =>
        await Page.EvaluateAsync<string>(@"() => {
            const w = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= w + 1) return '';
            return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                .slice(-5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');
        }");

    [Fact]
    public async Task Sees_who_and_how_to_reach_them_at_the_top_and_logs_a_voicemail_with_a_callback()
    {
        await _dashboard.SignInAsync();
        var name = DashboardBrowser.UniqueName("Lucia");
        var phone = $"+1 415 555 {Random.Shared.Next(1000, 9999)}";
        var request = SampleQuoteRequest.Create(phone: phone);
        request["firstName"] = name;
        var leadId = await _dashboard.SubmitAndFindLeadAsync(request);
        await _dashboard.QualifiedAsync(leadId); // the page is rendered once: the qualification must be there first

        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        await Expect(Page.Locator("#timeline")).ToContainTextAsync("Qualified", new() { Timeout = 20_000 });
        await Page.ReloadAsync();
        var card = Page.Locator("#lead-card");
        Assert.StartsWith("tel:+1415555", await card.Locator("#lead-phone a").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.StartsWith("mailto:", await card.Locator("#lead-email a").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("for the lead", await card.Locator("#lead-local-time").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await card.Locator("ul.contactability li").CountAsync());
        Assert.True(await Page.Locator("#action-bar").IsVisibleAsync());
        Assert.DoesNotMatch(IdOrHash(), await Page.Locator("#timeline").InnerTextAsync());
        // Two columns at 1280 px: the side column starts beside the timeline, not below it.
        var main = (await Page.Locator(".lead-main").BoundingBoxAsync())!;
        var side = (await Page.Locator(".lead-side").BoundingBoxAsync())!;
        Assert.True(side.X > main.X + main.Width - 1, $"side column at x={side.X}, main column ends at {main.X + main.Width}");
        await _dashboard.ScreenshotAsync("lead-1280");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());

        // The timeline filtered to calls only.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).First.ClickAsync();
        await Page.ArrivedAtAsync(@"show=calls");
        Assert.DoesNotContain("Qualified", await Page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);

        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        Assert.Equal("", await SidewaysAsync()); // the lead page does not scroll sideways at 390 px
        await _dashboard.ScreenshotAsync("lead-390");

        // The call page: the number to dial, both clocks, whether a call is allowed now; then what happened.
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}/call"));
        Assert.StartsWith("tel:+1415555", await Page.Locator("#dial-number a").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains(" here", await Page.Locator("#call-local-time").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^(Yes|Not now)", (await Page.Locator("#call-allowed").InnerTextAsync()).Trim());
        await _dashboard.ScreenshotAsync("call-1280");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        await Page.SetViewportSizeAsync(390, 844);
        Assert.Equal("", await SidewaysAsync()); // the call page does not scroll sideways at 390 px
        await _dashboard.ScreenshotAsync("call-390");
        await Page.SetViewportSizeAsync(1280, 900);

        await Page.GetByLabel("Outcome").SelectOptionAsync("voicemail");
        await Page.GetByLabel("Duration (minutes)").FillAsync("1");
        await Page.GetByLabel("Notes").FillAsync("Left a short message with the clinic's number.");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByLabel("Call back at (clinic time, optional)").FillAsync(tomorrow);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log the call" }).ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{leadId}\?notice=");
        await Expect(Page.Locator("#calls")).ToContainTextAsync("Left a voicemail");
        // Logged without a cleared script read aloud: recorded, and flagged for the compliance officer.
        await Expect(Page.Locator("#calls")).ToContainTextAsync("Flagged for compliance");
        await Expect(Page.Locator("#next-task")).ToContainTextAsync("call back");
        await _dashboard.ScreenshotAsync("lead-after-call");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
    }
}
