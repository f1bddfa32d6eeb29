using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Scheduling;

/// <summary>
/// A text blocked only by the lead's contact window, over real HTTP on a fixed clock: refused with the next allowed
/// moment in the lead's local time, or scheduled for it; sent once when the clock reaches it, re-checked then; cancellable.
/// The lead lives in San Francisco (ZIP 94110, +1 415): 06:00 UTC is 22:00 or 23:00 there, outside 08:00-21:00.
/// </summary>
public sealed class Scheduling_outreach_for_the_next_allowed_moment : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(6), TimeSpan.Zero));
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time, "--FollowUp:Scheduling:PollInterval=00:00:01");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<HttpResponseMessage> TextAsync(Guid leadId, string? whenNotAllowedNow) =>
        _host.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach",
            new { channel = "sms", body = "Hi Maria, your quote is ready: may I call you about it?", author = "coordinator.ana", whenNotAllowedNow });

    private async Task<JsonObject> ScheduledAsync(Guid leadId) =>
        (await TextAsync(leadId, "schedule")) is { StatusCode: HttpStatusCode.Accepted } r
            ? (await r.Content.ReadFromJsonAsync<JsonObject>())!
            : throw new InvalidOperationException("not scheduled");

    /// <summary>Moves the clock on a second at a time (the scheduler waits on it) until the item is no longer waiting.</summary>
    private Task<JsonObject> FinishedAsync(Guid leadId, Guid id, DateTimeOffset due)
    {
        if (_time.GetUtcNow() < due) _time.SetUtcNow(due);
        return Eventually.GetAsync(async () =>
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return (await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/scheduled-outreach/{id}"))!;
    }, s => (string?)s["status"] != "scheduled", what: "the scheduled outreach to be handled");
    }

    [Fact]
    public async Task A_text_outside_the_window_is_refused_with_the_next_allowed_moment_in_the_lead_s_local_time()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await TextAsync(lead.LeadId, whenNotAllowedNow: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["findings"]!.AsArray(), f => (string?)f!["rule"] == ComplianceRules.QuietHours);
        var local = Assert.Single(problem["nextAllowedLocal"]!.AsArray())!;
        Assert.Equal("America/Los_Angeles", (string?)local["zoneId"]);
        var at = (DateTimeOffset)local["localTime"]!;
        Assert.Equal((8, 0), (at.Hour, at.Minute));
        Assert.Equal((DateTimeOffset)problem["nextAllowedAt"]!, at);
        Assert.Contains("America/Los_Angeles", (string?)problem["detail"]);
        Assert.Contains("us.tcpa.calling-hours@1", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_scheduled_text_is_accepted_then_sent_once_when_its_moment_comes()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        var scheduled = await ScheduledAsync(lead.LeadId);

        Assert.Equal("scheduled", (string?)scheduled["status"]);
        Assert.Equal("blocked", (string?)scheduled["decision"]);
        Assert.Contains(scheduled["findings"]!.AsArray(), f => (string?)f!["rule"] == ComplianceRules.QuietHours);
        Assert.NotEmpty(scheduled["disclaimers"]!.AsArray());
        var id = (Guid)scheduled["outreachId"]!;
        var scheduledFor = (DateTimeOffset)scheduled["scheduledFor"]!;
        Assert.Equal(8, TimeZoneInfo.ConvertTime(scheduledFor, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).Hour);
        Assert.Contains((await _host.Leads.GetAsync(lead.LeadId))!.Timeline, e => e.Kind.Name() == "outreach_scheduled");

        var done = await FinishedAsync(lead.LeadId, id, scheduledFor);

        Assert.Equal("sent", (string?)done["status"]);
        Assert.True(_time.GetUtcNow() >= scheduledFor);
        _time.Advance(TimeSpan.FromHours(1));
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        var sent = Assert.Single(stored.Outreach);
        Assert.Equal(id, sent.Id);
        Assert.Equal(OutreachStatus.Sent, sent.Status);
        Assert.True(sent.SentAt >= scheduledFor);
    }

    [Fact]
    public async Task A_scheduled_text_is_not_sent_when_the_lead_opted_out_meanwhile_and_the_timeline_says_why()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var scheduled = await ScheduledAsync(lead.LeadId);
        var id = (Guid)scheduled["outreachId"]!;

        using var optOut = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/opt-outs", new { channel = "sms", coordinator = "coordinator.ana" });
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        var done = await FinishedAsync(lead.LeadId, id, (DateTimeOffset)scheduled["scheduledFor"]!);

        Assert.Equal("not_sent", (string?)done["status"]);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Empty(stored.Outreach);
        var entry = Assert.Single(stored.Timeline, e => e.Kind.Name() == "scheduled_outreach_not_sent");
        Assert.Contains("opted out", entry.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_coordinator_cancels_a_scheduled_text_and_nothing_is_sent()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var id = (Guid)(await ScheduledAsync(lead.LeadId))["outreachId"]!;

        using var cancel = await _host.Http.DeleteAsync($"/api/v1/leads/{lead.LeadId}/scheduled-outreach/{id}");
        using var again = await _host.Http.DeleteAsync($"/api/v1/leads/{lead.LeadId}/scheduled-outreach/{id}");
        _time.Advance(TimeSpan.FromDays(1));
        var waiting = await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/scheduled-outreach");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (string?)(await cancel.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(waiting!, w => (Guid)w!["id"]! == id);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Empty(stored.Outreach);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "scheduled_outreach_cancelled");
    }

    [Fact]
    public async Task Erasing_the_lead_cancels_its_scheduled_text_and_erases_the_words_and_nothing_is_sent()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var scheduled = await ScheduledAsync(lead.LeadId);
        var id = (Guid)scheduled["outreachId"]!;
        var store = _host.Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Scheduling.IScheduledOutreachStore>();

        await _host.Host.App.Services.GetRequiredService<MassTransit.Mediator.IMediator>().Publish(
            new LeadPlatform.Contracts.LeadErasureRequested { LeadId = lead.LeadId, OccurredAt = _time.GetUtcNow(), ErasureId = Guid.NewGuid() });

        var erased = await Eventually.GetAsync(() => store.GetAsync(id), s => s?.Status == "cancelled", what: "the scheduled text cancelled by the erasure");
        Assert.DoesNotContain("Maria", erased!.Text.Body, StringComparison.Ordinal);
        Assert.Null(erased.Text.Subject);
        _time.Advance(TimeSpan.FromDays(1));
        var waiting = await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/scheduled-outreach");
        Assert.DoesNotContain(waiting!, w => (Guid)w!["id"]! == id);
        Assert.Empty((await _host.Leads.GetAsync(lead.LeadId))!.Outreach);
    }

    [Fact]
    public async Task A_call_cannot_be_scheduled_and_the_field_is_named()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach",
            new { channel = "phone", body = "Talk about the quote.", author = "coordinator.ana", whenNotAllowedNow = "schedule" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["whenNotAllowedNow"]);
    }
}
