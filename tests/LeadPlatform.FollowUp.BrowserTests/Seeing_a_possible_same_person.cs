using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// A coordinator in Chromium on a lead that came back (a repeat submission) and shares its phone with another lead
/// (a possible same person): both are visible on the page, and the coordinator keeps them apart with the button.
/// </summary>
public sealed class Seeing_a_possible_same_person : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private async Task SubmitAsync(string first, string last, string email, string dateOfBirth, string message)
    {
        var request = SampleQuoteRequest.Create(email, "+1 415 555 0188");
        (request["firstName"], request["lastName"], request["dateOfBirth"], request["message"]) = (first, last, dateOfBirth, message);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = JsonContent.Create(request) };
        post.Headers.Add("X-Api-Key", "example-development-key");
        using var response = await _dashboard.Host.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_lead_page_shows_the_repeat_submission_beside_the_first_and_the_link_and_keeping_them_apart_dismisses_it()
    {
        await _dashboard.SignInAsync();
        await SubmitAsync("Robert", "Hale", "robert.hale@fastmail.com", "1975-09-30", "Lower back pain for a year; physiotherapy did not help.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Robert Hale" }).WaitForAsync(new() { Timeout = 20_000 });
        await SubmitAsync("ROBERT", "Hale ", "Robert.Hale@fastmail.com", "1975-09-30", "Writing again: it is worse at night now.");
        await SubmitAsync("Emma", "Hale", "emma.hale@fastmail.com", "1978-03-14", "Neck pain after a fall.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Emma Hale" }).WaitForAsync(new() { Timeout = 20_000 });
        await Page.Locator(".same-person-badge").First.WaitForAsync(new() { Timeout = 20_000 });
        await _dashboard.ScreenshotAsync("same-person-1-queue");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Robert Hale" }).ClickAsync();
        await Page.Locator("#possible-same-person").WaitForAsync();
        await Page.GetByText("Submissions (2)").WaitForAsync(new() { Timeout = 20_000 });
        var submissions = await Page.Locator("#submissions").InnerTextAsync();
        Assert.Contains("physiotherapy did not help", submissions, StringComparison.Ordinal);
        Assert.Contains("worse at night", submissions, StringComparison.Ordinal);
        Assert.Contains("repeat submission", submissions, StringComparison.Ordinal);
        var link = await Page.Locator("#possible-same-person").InnerTextAsync();
        Assert.Contains("Emma Hale", link, StringComparison.Ordinal);
        Assert.Contains("same phone number", link, StringComparison.Ordinal);
        Assert.Contains("robert.hale@fastmail.com", await Page.Locator(".facts").First.InnerTextAsync(), StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("same-person-2-lead");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Different people" }).ClickAsync();
        await Page.GetByText("Marked as different people").First.WaitForAsync();
        Assert.Contains("Different people — by", await Page.Locator("#possible-same-person").InnerTextAsync(), StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("same-person-3-kept-apart");
    }

    [Fact]
    public async Task A_merge_undone_with_the_unmerge_button_gives_the_other_lead_back_and_keeps_them_apart()
    {
        await _dashboard.SignInAsync();
        await SubmitAsync("Robert", "Hale", "robert.hale@fastmail.com", "1975-09-30", "Lower back pain for a year; physiotherapy did not help.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Robert Hale" }).WaitForAsync(new() { Timeout = 20_000 });
        await SubmitAsync("Emma", "Hale", "emma.hale@fastmail.com", "1978-03-14", "Neck pain after a fall.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Emma Hale" }).WaitForAsync(new() { Timeout = 20_000 });
        await Page.Locator(".same-person-badge").First.WaitForAsync(new() { Timeout = 20_000 });
        await Page.GetByRole(AriaRole.Link, new() { Name = "Robert Hale" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Same person: merge into this lead" }).ClickAsync();
        await Page.GetByText("Submissions (2)").WaitForAsync(new() { Timeout = 20_000 });
        await _dashboard.ScreenshotAsync("same-person-4-merged");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Not the same person: unmerge" }).ClickAsync();
        await Page.GetByText("Unmerged: the other lead is its own lead again").WaitForAsync();
        await Page.GetByText("Submissions (1)").WaitForAsync();
        Assert.Contains("Different people — by", await Page.Locator("#possible-same-person").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Page.GetByRole(AriaRole.Button, new() { Name = "Same person: merge into this lead" }).CountAsync());
        await _dashboard.ScreenshotAsync("same-person-5-unmerged");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
    }
}
