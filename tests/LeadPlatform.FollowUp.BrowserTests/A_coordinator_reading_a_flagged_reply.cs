using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>The lead page in Chromium: an ambiguous SMS reply flagged for the coordinator, and the under-18 warning.</summary>
public sealed class A_coordinator_reading_a_flagged_reply : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    [Fact]
    public async Task Sees_the_flag_in_the_summary_and_on_the_timeline_and_the_minor_warning()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = JsonContent.Create(SampleQuoteRequest.Minor()) };
        message.Headers.Add("X-Api-Key", "example-development-key");
        using var response = await _dashboard.Host.Http.SendAsync(message);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["quoteRequestId"]!);

        // The reply as the signed webhook records an ambiguous one (this host has no webhook secret configured).
        var leads = _dashboard.Host.App.Services.GetRequiredService<ILeadStore>();
        var leadId = (await Eventually.GetAsync(() => leads.FindByQuoteRequestAsync(quoteRequestId), l => l is not null, what: "the lead of the request"))!.Id;
        await Eventually.GetAsync(() => leads.GetAsync(leadId), l => l?.Timeline.Exists(e => e.Kind.Name() == "disqualified") == true, what: "the lead, not eligible, in follow-up");
        for (var attempt = 1; ; attempt++)
        {
            var lead = (await leads.GetAsync(leadId))!;
            lead.Record(new TimelineEntry
            {
                At = DateTimeOffset.UtcNow,
                Kind = TimelineKind.SmsReceived,
                Summary = "SMS reply that may be an opt-out (\"stop\" with other words): read it, and record an opt-out if the lead meant one",
                Actor = "lead",
                Details = new() { ["text"] = "stop, I'm driving, call later", [SmsWebhookEndpoints.FlagDetail] = SmsWebhookEndpoints.PossibleOptOut, ["matched"] = "stop" },
            });
            try
            {
                await leads.ReplaceAsync(lead);
                break;
            }
            catch (LeadPlatform.Storage.ConcurrencyConflictException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
        }

        await _dashboard.SignInAsync();
        await _dashboard.Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));

        await Assertions.Expect(_dashboard.Page.Locator("#flagged-replies")).ToContainTextAsync("1 SMS reply may be an opt-out");
        await Assertions.Expect(_dashboard.Page.Locator("#timeline li.flagged")).ToContainTextAsync("Flagged: may be an opt-out");
        await Assertions.Expect(_dashboard.Page.Locator("#minor-notice")).ToContainTextAsync("Under 18");
        await _dashboard.ScreenshotAsync("flagged-reply-and-minor");
    }
}
