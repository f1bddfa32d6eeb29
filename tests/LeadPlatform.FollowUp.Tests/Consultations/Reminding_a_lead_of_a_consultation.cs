using System.Net;
using System.Net.Http.Json;
using LeadPlatform.FollowUp.Scheduling;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Consultations;

/// <summary>
/// The reminder the day before waits in the scheduled outreach, so the gate decides when it is due: sent then (through
/// the gate, on the evidence ledger), and not sent to a lead who opted out in the meantime (the timeline says why).
/// </summary>
public sealed class Reminding_a_lead_of_a_consultation : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await OutreachHost.StartAsync(_time, "--FollowUp:Acknowledgements=false", "--FollowUp:Scheduling:Enabled=false");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<(Guid LeadId, Guid ReminderId)> BookedAsync(DateTimeOffset startsAt)
    {
        var lead = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "B"));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId), l => l!.Tasks.Count == 1, what: "the lead's task");
        using var booked = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt, durationMinutes = 30, location = "Clinic", sendConfirmation = false }, Ct);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (lead.LeadId, (await _host.Leads.GetAsync(lead.LeadId, Ct))!.Consultations.Single().ReminderId!.Value);
    }

    [Fact]
    public async Task The_reminder_goes_out_the_day_before_through_the_gate_but_not_to_a_lead_who_opted_out_meanwhile()
    {
        var startsAt = _time.GetUtcNow().AddDays(2);
        var kept = await BookedAsync(startsAt);
        var optedOut = await BookedAsync(startsAt);
        using (var optOut = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{optedOut.LeadId}/opt-outs", new { channel = "email", coordinator = "coordinator.ana" }, Ct))
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        var scheduler = _host.Host.App.Services.GetRequiredService<OutreachScheduler>();
        var store = _host.Host.App.Services.GetRequiredService<IScheduledOutreachStore>();

        Assert.Equal(0, await scheduler.RunDueAsync(Ct)); // not due yet
        _time.Advance(TimeSpan.FromDays(1));
        await scheduler.RunDueAsync(Ct);

        Assert.Equal(ScheduledOutreachStatus.Sent, (await store.GetAsync(kept.ReminderId, Ct))!.Status);
        var lead = (await _host.Leads.GetAsync(kept.LeadId, Ct))!;
        var reminder = Assert.Single(lead.Outreach, o => o.Id == kept.ReminderId);
        Assert.Equal(OutreachStatus.Sent, reminder.Status);
        Assert.Equal("Reminder: your consultation is tomorrow", reminder.Subject);
        Assert.Contains(lead.Evidence, e => e.EvidenceId == reminder.EvidenceId);

        Assert.Equal(ScheduledOutreachStatus.NotSent, (await store.GetAsync(optedOut.ReminderId, Ct))!.Status);
        var other = (await _host.Leads.GetAsync(optedOut.LeadId, Ct))!;
        Assert.DoesNotContain(other.Outreach, o => o.Id == optedOut.ReminderId);
        Assert.Contains(other.Timeline, e => e.Kind.Name() == "scheduled_outreach_not_sent" && e.Summary.Contains("opted out", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reminder_the_scheduler_reaches_only_after_the_consultation_started_is_not_sent_and_the_timeline_says_why()
    {
        var booked = await BookedAsync(_time.GetUtcNow().AddDays(2));
        var scheduler = _host.Host.App.Services.GetRequiredService<OutreachScheduler>();
        var store = _host.Host.App.Services.GetRequiredService<IScheduledOutreachStore>();

        _time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1)); // follow-up was down through the day before
        await scheduler.RunDueAsync(Ct);

        var item = (await store.GetAsync(booked.ReminderId, Ct))!;
        Assert.Equal(ScheduledOutreachStatus.NotSent, item.Status);
        var lead = (await _host.Leads.GetAsync(booked.LeadId, Ct))!;
        Assert.DoesNotContain(lead.Outreach, o => o.Id == booked.ReminderId);
        Assert.Empty(_host.OutboxFiles("email"));
        Assert.Contains(lead.Timeline, e => e.Kind.Name() == "scheduled_outreach_not_sent" && e.Summary.Contains("too late", StringComparison.Ordinal));
    }
}
