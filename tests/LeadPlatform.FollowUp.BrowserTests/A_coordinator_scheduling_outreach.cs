using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Scheduling;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// In Chromium: the compose page's "send at the next allowed moment" box (on), a text waiting on the lead page with its
/// cancel button and in the queue, and the contact rule table for the admin (screenshots scheduling-1..4).
/// </summary>
public sealed class A_coordinator_scheduling_outreach : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    [Fact]
    public async Task Sees_the_schedule_box_the_waiting_text_with_its_cancel_button_and_the_contact_rules()
    {
        var leadId = Guid.Parse(await _dashboard.SubmitAndFindLeadAsync(SampleQuoteRequest.Create()));
        // A text waiting for tomorrow morning, as the scheduler stores one (this host runs on the real clock).
        var due = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(16);
        Assert.True(await _dashboard.Host.App.Services.GetRequiredService<IScheduledOutreachStore>().TryInsertAsync(new ScheduledOutreach
        {
            Id = Guid.CreateVersion7(),
            LeadId = leadId,
            Channel = "sms",
            Author = DashboardBrowser.AdminEmail,
            Text = new ReviewText { Body = "Hi Maria, your quote is ready: may I call you about it?" },
            CreatedAt = DateTimeOffset.UtcNow,
            DueAt = new DateTimeOffset(due, TimeSpan.Zero),
            WaitingFor = ["quiet-hours"],
            ScheduledEvidenceId = Guid.CreateVersion7(),
        }));

        await _dashboard.SignInAsync();
        await _dashboard.Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}/compose?channel=sms"));
        await Assertions.Expect(_dashboard.Page.Locator("#when-not-allowed-now")).ToBeCheckedAsync();
        await _dashboard.ScreenshotAsync("scheduling-1-compose");

        await _dashboard.Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{leadId}"));
        await Assertions.Expect(_dashboard.Page.Locator("#scheduled-outreach")).ToContainTextAsync("Hi Maria, your quote is ready");
        // The time in the clinic's clock with the lead's beside it (this host's clinic zone is UTC), not a bare UTC stamp.
        await Assertions.Expect(_dashboard.Page.Locator("#scheduled-outreach time")).ToContainTextAsync("for the lead");
        await _dashboard.ScreenshotAsync("scheduling-2-lead-page");
        await _dashboard.Page.Locator("#scheduled-outreach").ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.Artifacts, "dashboard-scheduling-2b-scheduled-section.png") });
        await _dashboard.Page.Locator("#scheduled-outreach button", new() { HasText = "Cancel" }).ClickAsync();
        await Assertions.Expect(_dashboard.Page.Locator("#scheduled-outreach")).ToContainTextAsync("cancelled");

        await _dashboard.Page.GotoAsync(_dashboard.Url("/dashboard/contact-rules"));
        await Assertions.Expect(_dashboard.Page.Locator("#rule-us-fl\\.ftsa")).ToContainTextAsync("20:00");
        await _dashboard.ScreenshotAsync("scheduling-3-contact-rules");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
    }
}
