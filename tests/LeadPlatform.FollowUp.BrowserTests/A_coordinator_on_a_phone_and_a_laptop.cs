using LeadPlatform.TestSupport;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// Every dashboard page a coordinator (and an admin) opens in a day, at a phone's 390 px and a laptop's 1280 px: none is
/// wider than the screen (<c>document.documentElement.scrollWidth &gt; innerWidth</c>), and on the pages a coordinator
/// uses most nothing runs past the right edge inside its own box either (the consent table's "What they agreed to" did,
/// in a sideways-scrolling wrapper). Screenshots: fit-&lt;page&gt;-390 and fit-&lt;page&gt;-1280 (and fit-lead-consent-*); axe at
/// 390 px on the lead, templates and accounts pages, whose tables stack there.
/// </summary>
public sealed class A_coordinator_on_a_phone_and_a_laptop : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    /// <summary>
    /// Empty when the page is no wider than the viewport; else the page's width and the elements whose right edge is past it.
    /// With <paramref name="inside"/>, also the boxes that scroll sideways within themselves (content cut off at the right).
    /// </summary>
    private Task<string> OverflowAsync(bool inside) =>
        Page.EvaluateAsync<string>(@"inside => {
            const w = window.innerWidth;
            const found = [];
            if (document.documentElement.scrollWidth > w) {
                found.push('page ' + document.documentElement.scrollWidth + ' px wide in ' + w + ':');
                const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true; return false; };
                found.push(...[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !clipped(e))
                    .slice(-5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' right=' + Math.round(e.getBoundingClientRect().right)));
            }
            if (inside) {
                for (const e of document.querySelectorAll('body *')) {
                    const style = getComputedStyle(e);
                    if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX) && e.getBoundingClientRect().width > 0)
                        found.push('scrolls inside: ' + e.tagName + '.' + e.className + '#' + e.id + ' ' + e.scrollWidth + ' in ' + e.clientWidth);
                }
            }
            return found.join(' | ');
        }", inside);

    [Fact]
    public async Task Sees_every_page_without_scrolling_sideways_at_390_and_1280_px()
    {
        await _dashboard.SignInAsync();
        var request = SampleQuoteRequest.Create(phone: $"+1 415 555 {Random.Shared.Next(1000, 9999)}");
        request["firstName"] = DashboardBrowser.UniqueName("Rosalind");
        // A long consent statement, as real forms have: the column that ran off a phone's screen.
        request["consent"]!["email"]!["text"] = "I agree to be contacted by email about my inquiry, including appointment reminders and information "
            + "about treatment options, by Spine Care Clinic and its staff. I can withdraw this consent at any time.";
        var leadId = await _dashboard.SubmitAndFindLeadAsync(request);
        await _dashboard.QualifiedAsync(leadId);

        // The pages a coordinator uses most: nothing may be cut off at a phone's right edge, not even inside a box.
        (string Name, string Path, bool Inside)[] pages =
        [
            ("queue", "/dashboard", true),
            ("lead", $"/dashboard/leads/{leadId}", true),
            ("compose", $"/dashboard/leads/{leadId}/compose?channel=email", true),
            ("compose-sms", $"/dashboard/leads/{leadId}/compose?channel=sms", true),
            ("call", $"/dashboard/leads/{leadId}/call", true),
            ("inbox", "/dashboard/inbox", true),
            ("reviews", "/dashboard/reviews", false),
            ("templates", "/dashboard/templates", false),
            ("template-new", "/dashboard/templates/new", false),
            ("accounts", "/dashboard/accounts", false),
            ("reports", "/dashboard/reports", false),
        ];
        var problems = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await Page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var (name, path, inside) in pages)
            {
                var response = await Page.GotoAsync(_dashboard.Url(path));
                Assert.True(response!.Ok, $"{path}: {response.Status}");
                await _dashboard.ScreenshotAsync($"fit-{name}-{width}");
                if (name == "lead")
                {
                    await Page.Locator("section[aria-labelledby=consent-heading]").ScreenshotAsync(new()
                    {
                        Path = Path.Combine(DashboardBrowser.Artifacts, $"dashboard-fit-lead-consent-{width}.png"),
                    });
                }
                if (await OverflowAsync(inside && width == 390) is { Length: > 0 } overflow) problems.Add($"{name} at {width} px: {overflow}");
                if (width == 390 && name is "lead" or "templates" or "accounts") // the pages whose tables now stack
                {
                    problems.AddRange((await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"{name} at 390 px, axe: {v}"));
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // On a phone the consent statement is there to read, beside its label, within the screen.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        var agreed = Page.Locator("#consent-on-file td.consent-text").First;
        Assert.Contains("I can withdraw this consent at any time.", await agreed.InnerTextAsync(), StringComparison.Ordinal);
        var box = (await agreed.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 390, $"the consent text ends at {box.X + box.Width} px");
    }
}
