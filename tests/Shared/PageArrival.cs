using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LeadPlatform.BrowserTesting;

/// <summary>
/// Waiting for a page to arrive at an address. Not <c>IPage.WaitForURLAsync</c>: in Playwright .NET it first looks at
/// the frame's load states and then subscribes to their event, and a <c>load</c> that lands between the two is missed.
/// The wait then times out although the page loaded (seen in CI: "Timeout 15000ms exceeded … "NetworkIdle" event
/// fired", on a redirect after a form post). Here the address is polled by an assertion that retries, and the load by a
/// function evaluated in the page, neither of which depends on seeing an event go by.
/// </summary>
public static class PageArrival
{
    /// <summary>Waits until the page's address matches <paramref name="url"/> and its document has finished loading.</summary>
    public static async Task ArrivedAtAsync(this IPage page, Regex url, float? timeout = null)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = timeout });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = timeout });
    }

    /// <summary>As <see cref="ArrivedAtAsync(IPage, Regex, float?)"/>, for a regular expression given as text.</summary>
    public static Task ArrivedAtAsync(this IPage page, string urlPattern, float? timeout = null) =>
        page.ArrivedAtAsync(new Regex(urlPattern), timeout);
}
