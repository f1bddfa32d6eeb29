using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// In Chromium: a coordinator's draft the claims screen cannot decide goes to review; a compliance officer opens the
/// queue and approves it; the email lands in the outbox with the evidence disclaimer of the lead's language, and the
/// lead's evidence names the reviewer. The new pages are checked with axe-core and photographed.
/// </summary>
public sealed class A_compliance_officer_reviewing_a_held_message : IAsyncLifetime
{
    private const string Password = "browser-test-password-for-people";
    private const string Urgent = "Hello, please book your consultation before it is too late for your spine.";
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        _dashboard = await DashboardBrowser.StartAsync();
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account);
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
    }

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Spanish when an evidence disclaimer exists for it (the disclaimers the Compliance work adds), else English.</summary>
    private static string LeadLanguage() =>
        DisclaimerRegistry.LoadDefault().Covers("spondylolysis", OutreachChannel.Email, "es") ? "es" : "en";

    private async Task<(string LeadId, string Name)> SubmitAsync(string language)
    {
        var name = DashboardBrowser.UniqueName("Lucia");
        var request = SampleQuoteRequest.Create(phone: null);
        request["firstName"] = name;
        request["language"] = language;
        var leadId = await _dashboard.SubmitAndFindLeadAsync(request);
        // The queue lists a lead once its task exists, and the page is rendered once: wait for the qualification (the
        // journey writes the task with it) before the coordinator opens the queue, as a busy machine can be slower.
        await _dashboard.QualifiedAsync(leadId);
        return (leadId, $"{name} Lopez");
    }

    private async Task<List<string>> AxeAsync(string label) =>
        [.. (await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"{label}: {v}")];

    [Fact]
    public async Task A_held_draft_is_approved_by_a_compliance_officer_and_sent_with_the_disclaimer_of_the_leads_language()
    {
        var language = LeadLanguage();
        var (leadId, name) = await SubmitAsync(language);
        var problems = new List<string>();

        // The coordinator writes; the preview says review, not blocked; sending puts it in the review queue.
        await _dashboard.SignInWithPasswordAsync("ana@clinic.example", Password);
        await Page.GetByRole(AriaRole.Link, new() { Name = name }).WaitForAsync(new() { Timeout = 20_000 });
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}/compose?channel=email"));
        await Page.GetByLabel("Subject").FillAsync("Your consultation");
        await Page.GetByLabel("Message").FillAsync(Urgent);
        await Expect(Page.Locator("mark.review")).ToHaveTextAsync("before it is too late");
        await Expect(Page.Locator("#preview-status")).ToContainTextAsync("Review:");
        Assert.Equal(0, await Page.Locator("mark.violation").CountAsync());
        var send = Page.Locator("#send");
        await Expect(send).ToBeEnabledAsync();
        await Expect(send).ToHaveTextAsync("Send for review");
        await _dashboard.ScreenshotAsync("review-1-compose-review");
        problems.AddRange(await AxeAsync("compose (review)"));
        await send.ClickAsync();
        await Expect(Page.Locator("#held")).ToContainTextAsync("Sent for review.");
        await Expect(Page.Locator("#held")).ToContainTextAsync("before it is too late");
        await _dashboard.ScreenshotAsync("review-2-compose-held");
        problems.AddRange(await AxeAsync("compose (held)"));
        Assert.False(Directory.Exists(Path.Combine(_dashboard.DataFolder, "outbox", "email"))
                     && Directory.GetFiles(Path.Combine(_dashboard.DataFolder, "outbox", "email"), "*.eml").Any(f => File.ReadAllText(f).Contains("Your consultation", StringComparison.Ordinal)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The compliance officer: the queue, the message with what the screen found, approve.
        await _dashboard.SignInWithPasswordAsync("carl@clinic.example", Password);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review queue" }).WaitForAsync();
        var open = Page.Locator("#reviews a[href^='/dashboard/reviews/']");
        await Expect(open).ToHaveCountAsync(1);
        await _dashboard.ScreenshotAsync("review-3-queue");
        problems.AddRange(await AxeAsync("review queue"));
        var reviewId = (await open.GetAttributeAsync("href"))!["/dashboard/reviews/".Length..];
        await open.ClickAsync();
        await Expect(Page.Locator("#review-text mark.review")).ToHaveTextAsync("before it is too late");
        await Expect(Page.Locator("#review-language")).ToHaveTextAsync(language);
        await _dashboard.ScreenshotAsync("review-4-review-page");
        problems.AddRange(await AxeAsync("review page"));
        await Page.GetByLabel("Note (optional, kept with the decision)").FillAsync("Urgency is about booking slots, not the outcome.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Page.ArrivedAtAsync(@"/dashboard/reviews\?notice=approved$");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("Approved and sent");

        // The email, under the held id, with the disclaimer of the lead's language.
        var eml = Path.Combine(_dashboard.DataFolder, "outbox", "email", $"{reviewId}.eml");
        await Eventually.GetAsync(() => Task.FromResult(File.Exists(eml)), exists => exists, what: "the approved email in the outbox");
        var text = (await MimeKit.MimeMessage.LoadAsync(eml)).TextBody;
        Assert.Contains(Urgent, text, StringComparison.Ordinal);
        var expected = _dashboard.Host.App.Services.GetRequiredService<ComplianceGate>()
            .Preview("spondylolysis", OutreachChannel.Email, "x", "x", language).Disclaimers.Single();
        Assert.Contains(expected.Text.Split('\n')[0], text, StringComparison.Ordinal);

        // The lead's evidence names the reviewer; the lead page says who approved it.
        await Page.GotoAsync(_dashboard.Url($"/api/v1/leads/{leadId}/evidence"));
        var evidence = JsonNode.Parse(await Page.Locator("body").InnerTextAsync())!;
        var approved = evidence["records"]!.AsArray().Single(r => (string?)r!["reviewId"] == reviewId)!;
        Assert.Equal("cleared", (string?)approved["decision"]);
        Assert.Equal("Carl", (string?)approved["reviewer"]);
        Assert.Contains($"{expected.Id}@{expected.Version}", approved["disclaimerVersions"]!.AsArray().Select(d => (string?)d));
        Assert.True((bool)evidence["verification"]!["isIntact"]!, "the evidence chain verifies");
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        await Expect(Page.Locator(".reviewed-by")).ToHaveTextAsync("Carl");
        await Expect(Page.Locator("#lead-reviews")).ToContainTextAsync("Approved");
        await _dashboard.ScreenshotAsync("review-5-lead-after-approval");

        await Page.GotoAsync(_dashboard.Url("/dashboard/disclaimers"));
        await _dashboard.ScreenshotAsync("review-6-disclaimers");
        problems.AddRange(await AxeAsync("disclaimers"));
        await Page.GotoAsync(_dashboard.Url("/dashboard/templates"));
        await _dashboard.ScreenshotAsync("review-7-templates");
        problems.AddRange(await AxeAsync("templates (compliance officer)"));
        await Page.Locator("table a[href^='/dashboard/templates/']").First.ClickAsync();
        await Expect(Page.Locator("#approval-state")).ToContainTextAsync("approved by system");
        Assert.Equal(0, await Page.Locator("#compose-form").CountAsync()); // read-only for a compliance officer
        await _dashboard.ScreenshotAsync("review-8-template-officer");
        problems.AddRange(await AxeAsync("template (compliance officer)"));
        Assert.Empty(problems);
    }
}
