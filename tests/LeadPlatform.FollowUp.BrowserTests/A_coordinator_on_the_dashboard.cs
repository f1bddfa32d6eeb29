using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.TestSupport;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>A coordinator in Chromium, from sign-in to an email that went through the gate, and the lead's unsubscribe.</summary>
public sealed partial class A_coordinator_on_the_dashboard : IAsyncLifetime
{
    private const string HonestText =
        "Thank you for your questions. Stem-cell treatment is investigational; a coordinator can explain what is and is not known.";

    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private async Task<(string LeadId, string Name)> SubmitQuoteRequestAsync()
    {
        var name = DashboardBrowser.UniqueName("Rosa");
        var request = SampleQuoteRequest.Create(phone: null);
        request["firstName"] = name;
        request["symptomDurationMonths"] = 1; // a clinical flag: short_symptom_duration
        return (await _dashboard.SubmitAndFindLeadAsync(request), $"{name} Lopez");
    }

    [Fact]
    public async Task Signs_in_sees_a_new_lead_arrive_screens_an_email_sends_it_and_the_lead_unsubscribes()
    {
        await _dashboard.SignInAsync();
        await _dashboard.ScreenshotAsync("1-queue-empty");

        // A new quote request appears in the open queue without a reload.
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var (leadId, name) = await SubmitQuoteRequestAsync();
        var row = Page.GetByRole(AriaRole.Link, new() { Name = name });
        await row.WaitForAsync(new() { Timeout = 20_000 });
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await _dashboard.ScreenshotAsync("2-queue-new-lead");

        // The lead page: qualification reasons and the clinical flag.
        await row.ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{leadId}$");
        // Words, not codes (issue 17): condition_match reads "Condition match", short_symptom_duration "Short symptom duration".
        Assert.Contains("Condition match", await Page.Locator("#reasons").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Short symptom duration", await Page.Locator("#flags").InnerTextAsync(), StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("3-lead");

        // Compose: the claim is marked and Send stays disabled.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Compose email" }).ClickAsync();
        await Page.GetByLabel("Subject").FillAsync("Your questions");
        await Page.GetByLabel("Message").FillAsync("our therapy cures spondylolysis");
        await Expect(Page.Locator("mark.violation")).ToHaveTextAsync("cures");
        await Expect(Page.Locator("#preview-status")).ToContainTextAsync("Blocked");
        var send = Page.GetByRole(AriaRole.Button, new() { Name = "Send" });
        Assert.True(await send.IsDisabledAsync());
        await _dashboard.ScreenshotAsync("4-compose-blocked");

        // Fixed: cleared, the disclaimer shown, Send enabled; sent, it is on the timeline with its evidence.
        await Page.GetByLabel("Message").FillAsync(HonestText);
        await Expect(Page.Locator("#preview-status")).ToContainTextAsync("Cleared");
        await Expect(Page.Locator("#disclaimers")).ToContainTextAsync("evidence.spondylolysis.email");
        await Expect(send).ToBeEnabledAsync();
        await _dashboard.ScreenshotAsync("5-compose-cleared");
        await send.ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{leadId}\?notice=sent");
        // The acknowledgement went out first; the coordinator's email is the one of kind "coordinator".
        var outreach = Page.Locator("article.outreach", new() { HasText = "(coordinator)" });
        await Expect(outreach).ToContainTextAsync("sent");
        // The compliance check in words, never the evidence record's id (this session signs in as an admin, who gets the link to the entry).
        await Expect(outreach.Locator(".compliance-check")).ToContainTextAsync("Kept: cleared to send");
        Assert.Equal(0, await Page.Locator(".evidence-id").CountAsync());
        Assert.DoesNotMatch(GuidText(), await outreach.Locator("dl.facts").InnerTextAsync());
        var evidenceLink = outreach.Locator("a.evidence-link");
        Assert.Matches($"/dashboard/leads/{leadId}/evidence#entry-\\d+$", await evidenceLink.GetAttributeAsync("href") ?? "");
        Assert.Contains("evidence.spondylolysis.email@", await outreach.Locator(".disclaimer-versions").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(Page.Locator("#timeline")).ToContainTextAsync("Outreach sent");
        await _dashboard.ScreenshotAsync("6-lead-after-send");

        // The email is in the outbox with its disclaimer and unsubscribe link; the lead follows the link.
        var outreachId = (await outreach.GetAttributeAsync("id"))!["outreach-".Length..];
        var eml = Path.Combine(_dashboard.DataFolder, "outbox", "email", $"{outreachId}.eml");
        Assert.True(File.Exists(eml), $"{eml} is missing");
        var mime = await MimeKit.MimeMessage.LoadAsync(eml);
        var unsubscribe = UnsubscribeHeader().Match(mime.Headers["List-Unsubscribe"] ?? string.Empty);
        Assert.True(unsubscribe.Success, "no List-Unsubscribe header");
        Assert.Contains(unsubscribe.Groups[1].Value, mime.TextBody, StringComparison.Ordinal);
        Assert.Contains(DashboardBrowser.ClinicAddress.Split(',')[0], mime.TextBody, StringComparison.Ordinal);

        var patient = await _dashboard.Browser.NewPageAsync();
        await patient.GotoAsync(unsubscribe.Groups[1].Value);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe from emails" }).ClickAsync();
        await patient.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" }).WaitForAsync();
        await patient.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.Artifacts, "dashboard-7-unsubscribed.png"), FullPage = true });

        // Further email is blocked: the preview says so, and the server refuses even if Send is forced.
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        await Expect(Page.Locator("#opt-outs")).ToContainTextAsync("email");
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}/compose?channel=email"));
        await Page.GetByLabel("Subject").FillAsync("One more thing");
        await Page.GetByLabel("Message").FillAsync(HonestText);
        await Expect(Page.Locator("#preview-status")).ToContainTextAsync("Blocked");
        Assert.True(await send.IsDisabledAsync());
        await _dashboard.ScreenshotAsync("8-compose-after-unsubscribe");
        await Page.EvalOnSelectorAsync("#send", "b => { b.disabled = false; }");
        await send.ClickAsync();
        await Expect(Page.Locator(".error")).ToContainTextAsync("Blocked by the compliance check");
        Assert.Single(Directory.GetFiles(Path.Combine(_dashboard.DataFolder, "outbox", "email"), "*.eml"),
            f => File.ReadAllText(f).Contains("Your questions", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_dashboard.DataFolder, "outbox", "email"), "*.eml"),
            f => File.ReadAllText(f).Contains("One more thing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var (leadId, name) = await SubmitQuoteRequestAsync();
        await _dashboard.Page.GotoAsync(_dashboard.Url("/dashboard/sign-in"));
        var problems = new List<string>();
        problems.AddRange((await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"sign-in: {v}"));
        await _dashboard.SignInAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = name }).WaitForAsync(new() { Timeout = 20_000 });
        foreach (var (label, path) in new[]
                 {
                     ("queue", "/dashboard"), ("lead", $"/dashboard/leads/{leadId}"), ("compose", $"/dashboard/leads/{leadId}/compose?channel=email"),
                     ("call", $"/dashboard/leads/{leadId}/call"), ("not-eligible", "/dashboard/not-eligible"), ("funnel", "/dashboard/funnel"),
                     ("accounts", "/dashboard/accounts"), ("templates", "/dashboard/templates"),
                     ("template-editor", "/dashboard/templates/new?channel=email"),
                 })
        {
            await Page.GotoAsync(_dashboard.Url(path));
            if (label == "compose")
            {
                await Page.GetByLabel("Subject").FillAsync("Your questions");
                await Page.GetByLabel("Message").FillAsync("our therapy cures spondylolysis");
                await Expect(Page.Locator("mark.violation")).ToHaveTextAsync("cures");
            }
            if (label == "template-editor")
            {
                // The admin's template gets the same live check: Save stays disabled while it says blocked.
                await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Good news");
                await Page.GetByLabel("Subject (email only)").FillAsync("Good news");
                await Page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {first_name}, our therapy cures spondylolysis");
                await Expect(Page.Locator("mark.violation")).ToHaveTextAsync("cures");
                await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save template" })).ToBeDisabledAsync();
            }
            await _dashboard.ScreenshotAsync($"a11y-{label}");
            problems.AddRange((await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"{label}: {v}"));
        }
        Assert.Empty(problems);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex UnsubscribeHeader();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();
}
