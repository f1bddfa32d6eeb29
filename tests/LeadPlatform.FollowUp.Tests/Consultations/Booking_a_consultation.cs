using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Scheduling;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Consultations;

/// <summary>
/// The funnel's goal over the API: a booked consultation sets the status, closes the task, and the patient's confirmation
/// goes through the gate (email with an RFC 5545 invite, or a text when that is the lead's channel), with a reminder the
/// day before waiting in the scheduled outreach; reschedule and cancel send an updated invite and a cancellation with the
/// same UID. A fixed clock inside calling hours.
/// </summary>
public sealed class Booking_a_consultation : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private OutreachHost _host = null!;
    private DateTimeOffset _now;

    public async ValueTask InitializeAsync()
    {
        var clock = OutreachHost.DuringCallingHours();
        _now = clock.GetUtcNow();
        _host = await OutreachHost.StartAsync(clock, "--FollowUp:Acknowledgements=false", "--FollowUp:ClinicTimeZone=America/Los_Angeles");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<QuoteRequestSubmitted> QualifiedAsync(Func<QuoteRequestSubmitted, QuoteRequestSubmitted>? change = null)
    {
        var lead = await _host.SubmittedAsync(change);
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "A"));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId), l => l!.Tasks.Count == 1, what: "the lead's task");
        return lead;
    }

    private static MimePart Invite(string emlPath)
    {
        var message = MimeMessage.Load(emlPath);
        return Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
    }

    private static string Text(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private string EmailFor(Guid outreachId) => Assert.Single(_host.OutboxFiles("email"), f => Path.GetFileNameWithoutExtension(f) == outreachId.ToString());

    [Fact]
    public async Task A_booking_sets_the_status_closes_the_task_and_emails_the_lead_a_calendar_invite_and_a_reminder_waits_for_the_day_before()
    {
        var lead = await QualifiedAsync();
        var startsAt = _now.AddDays(3).AddHours(-1); // 17:00 UTC, 09:00 in the clinic (Los Angeles)

        using var booked = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation", new
        {
            startsAt, durationMinutes = 45, location = "Spine Care Clinic, 100 Market Street, San Francisco", notes = "Bring the MRI", sendConfirmation = true,
            coordinator = "Ana",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var view = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("booked", (string?)view["status"]);
        Assert.Equal("America/Los_Angeles", (string?)view["clinicTimeZone"]);
        Assert.EndsWith("T09:00", (string)view["startsAtClinicTime"]!, StringComparison.Ordinal);
        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        Assert.Equal(LeadStatus.ConsultationBooked, stored.Status);
        Assert.All(stored.Tasks, t => Assert.Equal(FollowUpTaskStatus.Done, t.Status));
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "status_changed" && e.Details["to"] == LeadStatus.ConsultationBooked.Name());
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "consultation_booked" && e.Summary.Contains("09:00 (America/Los_Angeles)", StringComparison.Ordinal));

        var consultation = Assert.Single(stored.Consultations);
        var confirmation = Assert.Single(consultation.Messages, m => m.Method == "REQUEST");
        Assert.Equal("sent", confirmation.Outcome);
        var outreach = Assert.Single(stored.Outreach, o => o.Id == confirmation.OutreachId);
        Assert.Equal("email", outreach.Channel);
        var evidence = Assert.Single(stored.Evidence, e => e.EvidenceId == outreach.EvidenceId);
        Assert.Equal("cleared", evidence.Decision); // through the gate, on the ledger
        // The clinic's own wording is approved content (no retrained claims model can hold it); the place the coordinator
        // typed and the date stay outside it, so the screen still reads them.
        Assert.Contains("consultation:request:en:body#1", evidence.ApprovedContent);
        Assert.Contains("consultation:request:en:subject", evidence.ApprovedContent);
        var invite = Invite(EmailFor(confirmation.OutreachId));
        Assert.Equal("REQUEST", invite.ContentType.Parameters["method"]);
        var ics = Text(invite);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{consultation.Id:D}@consultations.leadplatform\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"\r\nDTSTART:{startsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"\r\nDTEND:{startsAt.AddMinutes(45).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSEQUENCE:0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Spine Care Clinic\\, 100 Market Street\\, San Francisco", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Bring the MRI", ics, StringComparison.Ordinal); // the clinic's notes stay the clinic's
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        var reminder = await _host.Host.App.Services.GetRequiredService<IScheduledOutreachStore>().GetAsync(consultation.ReminderId!.Value, Ct);
        Assert.NotNull(reminder);
        Assert.Equal(ScheduledOutreachStatus.Scheduled, reminder.Status);
        Assert.Equal(startsAt.AddDays(-1), reminder.DueAt);
        Assert.Contains("tomorrow", reminder.Text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reschedule_sends_an_updated_invite_with_the_same_uid_and_a_cancel_sends_a_cancellation()
    {
        var lead = await QualifiedAsync();
        var first = _now.AddDays(3);
        using (var booked = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
                   new { startsAt = first, durationMinutes = 30, location = "https://video.clinic.example/room/7", sendConfirmation = true }, Ct))
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var before = (await _host.Leads.GetAsync(lead.LeadId, Ct))!.Consultations.Single();

        using var moved = await _host.Http.PutAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt = first.AddDays(2), durationMinutes = 30, location = "https://video.clinic.example/room/7", sendConfirmation = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var cancelled = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation/cancel", new { reason = "The lead has the flu" }, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        var c = Assert.Single(stored.Consultations);
        Assert.Equal(before.Id, c.Id);
        Assert.Equal("cancelled", c.Status);
        Assert.Equal(2, c.Sequence);
        Assert.Equal(LeadStatus.Contacted, stored.Status);
        Assert.Single(stored.Tasks, t => t.Status == FollowUpTaskStatus.Open); // someone has to find a new date with the lead
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "consultation_rescheduled" && e.Summary.StartsWith("Consultation moved from", StringComparison.Ordinal));
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "consultation_cancelled" && e.Summary.Contains("The lead has the flu", StringComparison.Ordinal));

        var update = Assert.Single(c.Messages, m => m.Method == "REQUEST" && m.Sequence == 1);
        var cancel = Assert.Single(c.Messages, m => m.Method == "CANCEL");
        foreach (var (message, method, sequence) in new[] { (update, "REQUEST", 1), (cancel, "CANCEL", 2) })
        {
            Assert.Equal("sent", message.Outcome);
            var ics = Text(Invite(EmailFor(message.OutreachId)));
            Assert.Contains($"\r\nMETHOD:{method}\r\n", ics, StringComparison.Ordinal);
            Assert.Contains($"\r\nUID:{c.Id:D}@consultations.leadplatform\r\n", ics, StringComparison.Ordinal);
            Assert.Contains($"\r\nSEQUENCE:{sequence}\r\n", ics, StringComparison.Ordinal);
        }
        Assert.Contains($"\r\nDTSTART:{first.AddDays(2).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", Text(Invite(EmailFor(update.OutreachId))), StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", Text(Invite(EmailFor(cancel.OutreachId))), StringComparison.Ordinal);

        // Both reminders (of the first and the moved time) were cancelled: nothing reminds the lead of a cancelled consultation.
        var scheduled = await _host.Host.App.Services.GetRequiredService<IScheduledOutreachStore>().ForLeadAsync(lead.LeadId, 10, Ct);
        Assert.Equal(2, scheduled.Count);
        Assert.All(scheduled, s => Assert.Equal(ScheduledOutreachStatus.Cancelled, s.Status));
    }

    [Fact]
    public async Task A_lead_who_prefers_texts_gets_the_confirmation_by_text_in_their_language_without_an_attachment()
    {
        var lead = await QualifiedAsync(s => OutreachHost.WithSmsAndPhoneConsent(s) with
        {
            Person = s.Person with { PreferredChannel = "sms", Language = "es" },
        });

        using var booked = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt = _now.AddDays(4), durationMinutes = 30, location = "Clínica, 100 Market Street", sendConfirmation = true }, Ct);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var c = (await _host.Leads.GetAsync(lead.LeadId, Ct))!.Consultations.Single();
        var confirmation = Assert.Single(c.Messages, m => m.Method == "REQUEST");
        Assert.Equal("sms", confirmation.Channel);
        var outcome = confirmation.Outcome;
        Assert.True(outcome is "sent" or "held_for_review" or "scheduled" or "blocked", outcome);
        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        if (outcome == "sent")
        {
            var sms = Assert.Single(stored.Outreach, o => o.Id == confirmation.OutreachId);
            Assert.StartsWith("Su consulta está reservada", sms.Message, StringComparison.Ordinal);
        }
        else
        {
            // The gate said no (for example no Spanish disclaimer configured): the timeline says why, as for any outreach.
            Assert.Contains(stored.Timeline, e => e.Kind.Name().StartsWith("outreach_", StringComparison.Ordinal));
        }
        Assert.Empty(_host.OutboxFiles("email"));
    }

    [Fact]
    public async Task A_booking_with_missing_or_impossible_fields_is_a_problem_naming_each_field()
    {
        var lead = await QualifiedAsync();

        using var response = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt = _now.AddHours(-1), durationMinutes = 2, location = " " }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("The consultation must be in the future.", (string?)errors["startsAt"]![0]);
        Assert.NotNull(errors["durationMinutes"]);
        Assert.NotNull(errors["location"]);
        Assert.Equal(LeadStatus.New, (await _host.Leads.GetAsync(lead.LeadId, Ct))!.Status);

        using var none = await _host.Http.PutAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt = _now.AddDays(2), durationMinutes = 30, location = "Clinic" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
    }

    [Fact]
    public async Task A_no_show_is_recorded_only_after_the_start_and_opens_a_task_to_follow_up()
    {
        var lead = await QualifiedAsync();
        var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)_host.Host.App.Services.GetRequiredService<TimeProvider>();
        using (var booked = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
                   new { startsAt = _now.AddHours(2), durationMinutes = 30, location = "Clinic", sendConfirmation = false }, Ct))
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        using (var early = await _host.Http.PostAsync($"/api/v1/leads/{lead.LeadId}/consultation/no-show", JsonContent.Create(new { }), Ct))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        clock.Advance(TimeSpan.FromHours(3));
        using var noShow = await _host.Http.PostAsync($"/api/v1/leads/{lead.LeadId}/consultation/no-show", JsonContent.Create(new { }), Ct);

        Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        Assert.Equal("no_show", stored.Consultations.Single().Status);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "consultation_no_show" && e.Summary.StartsWith("Did not come to the consultation", StringComparison.Ordinal));
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "consultation_reminder_skipped");
        Assert.Equal(LeadStatus.Contacted, stored.Status);
    }
}
