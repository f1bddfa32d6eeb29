using System.Globalization;
using Deque.AxeCore.Playwright;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// A coordinator's morning in Chromium on the real clock: sign in, take an unassigned tier-A lead ("Assign to me"),
/// see that it may not be called yet (its local time is in quiet hours), log a voicemail with a callback, answer a text
/// from the inbox, book a consultation (a mistake first: the problem shows beside the field). A screenshot of each page
/// (morning-1 … morning-7) and axe on each.
/// </summary>
public sealed class A_coordinator_s_morning : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private ILeadStore Leads => _dashboard.Host.App.Services.GetRequiredService<ILeadStore>();

    /// <summary>Places whose time zone the gate resolves from the address and number, with the hour their calling window opens.</summary>
    private static readonly (string Country, string Postal, string Phone, string Zone, int Opens)[] Places =
    [
        ("US", "96813", "+18085550134", "Pacific/Honolulu", 8),
        ("US", "10001", "+12125550134", "America/New_York", 8),
        ("ES", "28001", "+34912345678", "Europe/Madrid", 9),
        ("AU", "2000", "+61291234567", "Australia/Sydney", 8),
        ("JP", "1000001", "+81312345678", "Asia/Tokyo", 8),
    ];

    /// <summary>A place where it is now well inside quiet hours (or well inside calling hours), so the test does not depend on when it runs.</summary>
    private static (string Country, string Postal, string Phone, string Zone, int Opens) Where(bool quiet)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var place in Places)
        {
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(place.Zone)).TimeOfDay;
            var inQuiet = local >= TimeSpan.FromHours(21.5) || local < TimeSpan.FromHours(place.Opens - 1);
            var inDay = local >= TimeSpan.FromHours(place.Opens + 1) && local < TimeSpan.FromHours(20);
            if (quiet ? inQuiet : inDay) return place;
        }
        throw new InvalidOperationException("No place fits the current time.");
    }

    private async Task<LeadDocument> SeedAsync(string firstName, (string Country, string Postal, string Phone, string Zone, int Opens) place, string tier,
        Action<LeadDocument>? change = null)
    {
        var now = DateTimeOffset.UtcNow;
        var sample = SampleMessages.QuoteRequestSubmitted();
        var consent = new ChannelConsent { Granted = true, Text = "I agree to receive calls and texts about my inquiry.", TextVersion = "2026-11", GrantedAt = now.AddHours(-2) };
        var lead = new LeadDocument
        {
            Id = sample.LeadId, CreatedAt = now.AddMinutes(-20), UpdatedAt = now, Tier = tier, Score = 90,
            Person = sample.Person with { FirstName = firstName, LastName = "Lopez", Country = place.Country, PostalCode = place.Postal, Phone = place.Phone },
            Inquiry = sample.Inquiry,
            Consent = sample.Consent with { Sms = consent, Phone = consent },
            QuoteRequestIds = [sample.QuoteRequestId],
            Tasks = [new FollowUpTask { Id = Guid.NewGuid(), QuoteRequestId = sample.QuoteRequestId, Tier = tier, CreatedAt = now.AddMinutes(-20), DueAt = now.AddMinutes(-5) }],
        };
        lead.Timeline.Add(new TimelineEntry { At = now.AddMinutes(-20), Kind = TimelineKind.Qualified, Summary = $"Qualified: tier {tier}" });
        change?.Invoke(lead);
        lead.RefreshDueTimes();
        Assert.True(await Leads.TryInsertAsync(lead));
        return lead;
    }

    private async Task LookAsync(string name, bool everyViolation = false)
    {
        await _dashboard.ScreenshotAsync(name);
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        if (everyViolation)
        {
            var all = (await Page.RunAxe()).Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help}").ToList();
            Assert.Empty(all);
        }
    }

    [Fact]
    public async Task Takes_a_tier_A_lead_sees_it_may_not_be_called_yet_logs_a_voicemail_with_a_callback_answers_a_text_and_books_a_consultation()
    {
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        var ana = (await accounts.CreateAsync("ana@clinic.example", "Ana Ruiz", Password, [Roles.Coordinator])).Account!;
        await accounts.UpdateAsync(ana.Id, a => a.OnDuty = false); // it arrived while nobody was on duty: it waits unassigned
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var night = await SeedAsync($"Noche{suffix}", Where(quiet: true), "A");
        var replied = await SeedAsync($"Dia{suffix}", Where(quiet: false), "B", lead =>
        {
            lead.Tasks[0].AssignedTo = "ana@clinic.example";
            lead.Timeline.Add(new TimelineEntry
            {
                At = DateTimeOffset.UtcNow.AddMinutes(-3), Kind = TimelineKind.SmsReceived, Actor = "lead", Summary = "SMS reply from the lead (not an opt-out): read it and answer",
                Details = new() { ["text"] = "Can you call me after lunch?" },
            });
        });

        // 1. Sign in; the unassigned view; "Assign to me" on the tier-A lead.
        await _dashboard.SignInWithPasswordAsync("ana@clinic.example", Password);
        await Page.GotoAsync(_dashboard.Url("/dashboard?scope=unassigned"));
        var row = Page.Locator($"#queue-rows tr[data-lead-id='{night.Id}']");
        await Expect(row).ToContainTextAsync(night.Person!.FirstName);
        await Expect(row).ToContainTextAsync("A");
        await LookAsync("morning-1-unassigned");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Assign to me: {night.Person.FirstName}" }).ClickAsync();
        await Expect(Page.Locator("p.notice")).ToHaveTextAsync("1 task assigned.");

        // 2. The lead page: it is night where the lead is: no call now, and it says until when.
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{night.Id}"));
        await Expect(Page.Locator("#lead-owner")).ToContainTextAsync("Ana Ruiz");
        await Expect(Page.Locator("#lead-card ul.contactability")).ToContainTextAsync("quiet hours");
        await Expect(Page.Locator("#action-bar")).ToContainTextAsync("Log a call");
        await LookAsync("morning-2-lead-in-quiet-hours");

        // 3. The call page says "Not now"; she leaves a voicemail (the lead's phone was answered by the machine) and a callback.
        await Page.Locator("#action-bar").GetByRole(AriaRole.Link, new() { Name = "Log a call" }).ClickAsync();
        await Expect(Page.Locator("#call-allowed")).ToContainTextAsync("Not now");
        await LookAsync("morning-3-call-not-now");
        await Page.GetByLabel("Outcome").SelectOptionAsync("voicemail");
        await Page.GetByLabel("Duration (minutes)").FillAsync("1");
        await Page.GetByLabel("Notes").FillAsync("Voicemail: asked for a good time to talk.");
        // The callback time offered is the next moment a call is allowed (their morning): she keeps it.
        await Expect(Page.Locator("#callback-hint")).ToContainTextAsync("The next allowed time");
        Assert.NotEqual("", await Page.GetByLabel("Call back at (clinic time, optional)").InputValueAsync());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log the call" }).ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{night.Id}\?notice=");
        await Expect(Page.Locator("#calls")).ToContainTextAsync("Left a voicemail");
        await Expect(Page.Locator("#next-task")).ToContainTextAsync("call back");
        await LookAsync("morning-4-after-voicemail");

        // 4. The inbox: another lead texted; she answers from there, through the gate.
        await Page.GotoAsync(_dashboard.Url("/dashboard/inbox"));
        await Expect(Page.Locator("main")).ToContainTextAsync("Can you call me after lunch?");
        await LookAsync("morning-5-inbox");
        await Page.GetByLabel($"Reply by text to {replied.Person!.FirstName} Lopez").FillAsync("Hello, yes: we will call you at 2 pm.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).First.ClickAsync();
        await Expect(Page.Locator("p.notice")).ToHaveTextAsync("Reply sent through the compliance check.");
        await Eventually.GetAsync(() => Leads.GetAsync(replied.Id), l => l!.Outreach.Exists(o => o.Channel == "sms" && o.Status == OutreachStatus.Sent), what: "the reply sent");

        // 5. Book a consultation for the tier-A lead: a forgotten date first (the problem beside the field), then the booking.
        await Page.GotoAsync(_dashboard.Url($"/dashboard/leads/{night.Id}"));
        await Page.Locator("#action-bar").GetByRole(AriaRole.Link, new() { Name = "Book a consultation" }).ClickAsync();
        await Expect(Page.GetByLabel("Place: the clinic's address or a video link")).ToHaveValueAsync(DashboardBrowser.ClinicAddress);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Book the consultation" }).ClickAsync();
        await Expect(Page.Locator("#startsAt-error")).ToHaveTextAsync("Give the date and time of the consultation.");
        await Expect(Page.GetByLabel(new System.Text.RegularExpressions.Regex("^Date"))).ToHaveAttributeAsync("aria-invalid", "true");
        await LookAsync("morning-6-consultation-form-problem", everyViolation: true);
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Page.GetByLabel(new System.Text.RegularExpressions.Regex("^Date")).FillAsync(day);
        await Page.GetByLabel("Time (clinic time)").FillAsync("10:30");
        await Page.GetByLabel("Length (minutes)").FillAsync("45");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Book the consultation" }).ClickAsync();
        await Page.ArrivedAtAsync($@"/dashboard/leads/{night.Id}\?notice=consultation");
        await Expect(Page.Locator("p.notice")).ToContainTextAsync("Consultation saved.");
        await Expect(Page.Locator("#lead-status")).ToContainTextAsync("Consultation booked");
        await Expect(Page.Locator("#lead-consultation")).ToContainTextAsync("10:30");
        await Expect(Page.Locator("#lead-consultation")).ToContainTextAsync("for the lead");
        await Expect(Page.Locator("#action-bar")).ToContainTextAsync("Change the consultation");
        await Expect(Page.Locator("#timeline")).ToContainTextAsync("Consultation booked for");
        await LookAsync("morning-7-consultation-booked");
        var booked = (await Leads.GetAsync(night.Id))!;
        Assert.Equal(LeadStatus.ConsultationBooked, booked.Status);
        Assert.DoesNotContain(booked.Tasks, t => t.Status == LeadPlatform.FollowUp.Storage.FollowUpTaskStatus.Open); // booking closed the callback task
        Assert.Contains(booked.Consultations.Single().Messages, m => m.Method == "REQUEST" && m.Channel == "email" && m.Outcome == "sent");
    }
}
