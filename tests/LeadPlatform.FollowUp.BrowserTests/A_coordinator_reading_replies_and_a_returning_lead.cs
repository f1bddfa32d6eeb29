using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// The pages a coordinator reads all morning, in Chromium on the real clock (issue 17 polish): the queue with relative
/// due times, both clocks and contactability per channel; a returning lead's page with its consent tables and an email
/// sent (no evidence ids or hashes for a coordinator); the inbox with an email reply that came through the mail
/// provider's signed webhook, answered by email. Screenshots: polish-queue, polish-lead, polish-inbox; axe on each.
/// </summary>
public sealed partial class A_coordinator_reading_replies_and_a_returning_lead : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string HonestText = "Thank you for your request. A coordinator will call you to explain what the treatment involves and what is not yet known.";
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{40,}")]
    private static partial Regex IdOrHash();

    private async Task InboundEmailAsync(string from, string subject, string text)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { from, subject, text, messageId = Guid.NewGuid().ToString() }));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/email/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(DashboardBrowser.EmailWebhookSecret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _dashboard.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["leads"]!);
    }

    [Fact]
    public async Task Reads_the_queue_a_returning_lead_and_an_email_reply_in_words_and_clinic_time()
    {
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana Ruiz", Password, [Roles.Coordinator])).Account);
        var name = DashboardBrowser.UniqueName("Robert");
        var email = $"robert.{Guid.NewGuid():N}@fastmail.com";
        var first = SampleQuoteRequest.Create(email: email, phone: null);
        first["firstName"] = name;
        var leadId = await _dashboard.SubmitAndFindLeadAsync(first);
        await _dashboard.QualifiedAsync(leadId);
        var again = SampleQuoteRequest.Create(email: email, phone: null);
        again["firstName"] = name;
        again["message"] = "Writing again: the pain is worse in the mornings now.";
        again["source"]!["utmCampaign"] = "spring-retargeting";
        Assert.Equal(leadId, await _dashboard.SubmitAndFindLeadAsync(again));

        await _dashboard.SignInWithPasswordAsync("ana@clinic.example", Password);

        // An email through the gate, from the compose page.
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}/compose?channel=email"));
        await Page.GetByLabel("Subject").FillAsync("Your request");
        await Page.GetByLabel("Message").FillAsync(HonestText);
        await Expect(Page.Locator("#preview-status")).ToContainTextAsync("Cleared");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{leadId}\?notice=sent");

        // The queue: relative due time, both clocks, contactability per channel with the reason.
        await Page.GotoAsync(_dashboard.Url("/dashboard?scope=all"));
        var row = Page.Locator($"#row-{leadId}");
        await Expect(row).ToContainTextAsync(new Regex(@"(overdue|due in) \d+ (min|h|d)|due now"));
        await Expect(row).ToContainTextAsync(" here · ");
        await Expect(row.Locator("li[data-channel=sms]")).ToContainTextAsync("no consent to texts");
        await Expect(row.Locator("li[data-channel=email] a")).ToHaveCountAsync(1);
        Assert.DoesNotContain("UTC", await Page.Locator("table.queue").InnerTextAsync(), StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("polish-queue");
        var problems = (await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"queue: {v}").ToList();

        // The lead page: two submissions, the consent tables, the email sent — no ids, hashes or raw keys.
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        await Expect(Page.Locator("#submissions")).ToContainTextAsync("spring-retargeting");
        await Expect(Page.Locator("#consent-history")).ToContainTextAsync("Text messages");
        var outreach = Page.Locator("article.outreach", new() { HasText = "Ana Ruiz" });
        await Expect(outreach).ToContainTextAsync("spondylolysis (email");
        Assert.Equal(0, await Page.Locator(".evidence-id").CountAsync());
        Assert.DoesNotMatch(IdOrHash(), await Page.Locator("main").InnerTextAsync());
        var text = await Page.Locator("main").InnerTextAsync();
        foreach (var key in new[] { "formId", "pageUrl", "utmSource", "utmCampaign", " UTC" }) Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("polish-lead");
        problems.AddRange((await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"lead: {v}"));

        // The inbox: the email reply, unread first, answered by email through the gate.
        await InboundEmailAsync($"{name} Lopez <{email.ToUpperInvariant()}>", "Re: Your request", "Thank you! Can I bring my MRI to the consultation?");
        await Page.GotoAsync(_dashboard.Url("/dashboard/inbox"));
        var item = Page.Locator("#inbox li.unread", new() { HasText = "Can I bring my MRI" });
        await Expect(item).ToContainTextAsync("email");
        await Expect(item.Locator("input[name=subject]")).ToHaveValueAsync("Re: Your request");
        await _dashboard.ScreenshotAsync("polish-inbox");
        problems.AddRange((await _dashboard.SeriousAccessibilityViolationsAsync()).Select(v => $"inbox: {v}"));
        await item.GetByLabel(new Regex("^Reply by email to")).FillAsync("Yes, please bring it. We will look at it together at the consultation.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Send email reply" }).ClickAsync();
        await Page.ArrivedAtAsync(@"/dashboard/inbox\?notice=sent$");
        await Expect(Page.Locator("#inbox li.read", new() { HasText = "Can I bring my MRI" })).ToContainTextAsync("Read by Ana Ruiz");
        await _dashboard.ScreenshotAsync("polish-inbox-answered");

        Assert.Empty(problems);
    }
}
