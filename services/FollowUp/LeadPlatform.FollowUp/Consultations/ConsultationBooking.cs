using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Scheduling;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// Books, reschedules, cancels and marks no-shows of a lead's consultation. Booking sets the status
/// <c>consultation_booked</c> (the funnel's goal: a <c>status_changed</c> entry, as the reports read it), closes the open
/// tasks and raises <c>lead.consultation_booked</c>. The patient's confirmation, update or cancellation goes through the
/// gate like any outreach (email with the calendar invite, or a text when that is the lead's channel); one blocked only
/// by timing waits in the scheduled outreach. A reminder the day before waits there too, so the gate re-checks consent,
/// opt-outs and the contact window when it is due.
/// </summary>
internal sealed class ConsultationBooking(
    ILeadStore store,
    OutreachSender sender,
    OutreachScheduler scheduler,
    IScheduledOutreachStore scheduled,
    SlaClock clock,
    TimeProvider time,
    ILogger<ConsultationBooking> logger,
    Webhooks.WebhookOutbox? webhooks = null)
{
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(1);

    public TimeZoneInfo ClinicZone => clock.TimeZone;

    public static Consultation? Current(LeadDocument lead) => lead.Consultations.LastOrDefault(c => c.Status == ConsultationStatus.Booked);

    public async Task<ConsultationChange> BookAsync(Guid leadId, ConsultationRequest request, CancellationToken cancellationToken)
    {
        Consultation? booked = null;
        LeadStatus? from = null;
        var change = await WriteAsync(leadId, (lead, now) =>
        {
            if (Current(lead) is { } existing) return (existing, "The lead has a consultation booked already: reschedule or cancel it.");
            booked = new Consultation
            {
                Id = Ids.New(),
                StartsAt = StoredTime.Truncate(request.StartsAt.ToUniversalTime()),
                DurationMinutes = request.DurationMinutes,
                Location = request.Location.Trim(),
                Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
                BookedBy = request.By,
                BookedAt = now,
                UpdatedAt = now,
            };
            lead.Consultations.Add(booked);
            var was = lead.Status;
            from = was;
            lead.Status = LeadStatus.ConsultationBooked;
            lead.LostReason = null;
            lead.LostReasonText = null;
            foreach (var task in lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open)) task.Status = FollowUpTaskStatus.Done;
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.StatusChanged, Actor = request.By,
                Summary = $"Status: {Dashboard.LeadActions.Describe(was)} → {Dashboard.LeadActions.Describe(LeadStatus.ConsultationBooked)}",
                Details = new() { ["from"] = was.Name(), ["to"] = LeadStatus.ConsultationBooked.Name() },
            });
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.ConsultationBooked, Actor = request.By,
                Summary = $"Consultation booked for {ConsultationTexts.ForStaff(booked.StartsAt, clock.TimeZone)}, {booked.DurationMinutes} min, at {booked.Location}",
                Details = new() { ["consultationId"] = booked.Id.ToString("D"), ["startsAt"] = booked.StartsAt.ToString("O") },
            });
            return (booked, null);
        }, cancellationToken);
        if (change.Consultation is null || change.Conflict is not null) return change;
        logger.LogInformation("Consultation {ConsultationId} booked for lead {LeadId} (status was {FromStatus})", booked!.Id, leadId, from?.Name());
        if (webhooks is not null)
        {
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.ConsultationBooked, leadId, booked.BookedAt, $"consultation_booked:{booked.Id:N}",
                new JsonObject { ["status"] = LeadStatus.ConsultationBooked.Name(), ["consultationId"] = booked.Id, ["startsAt"] = booked.StartsAt }, CancellationToken.None);
        }
        var confirmation = request.SendConfirmation ? await MessageAsync(leadId, booked.Id, "REQUEST", request.By) : null;
        await ScheduleReminderAsync(leadId, booked.Id, request.By);
        return new ConsultationChange(await ReadAsync(leadId, booked.Id), null, confirmation);
    }

    public async Task<ConsultationChange> RescheduleAsync(Guid leadId, ConsultationRequest request, CancellationToken cancellationToken)
    {
        Guid? reminder = null;
        var change = await WriteAsync(leadId, (lead, now) =>
        {
            if (Current(lead) is not { } c) return (null, "The lead has no consultation booked: book one first.");
            var before = c.StartsAt;
            reminder = c.ReminderId;
            c.StartsAt = StoredTime.Truncate(request.StartsAt.ToUniversalTime());
            c.DurationMinutes = request.DurationMinutes;
            c.Location = request.Location.Trim();
            if (request.Notes is not null) c.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
            c.Sequence++;
            c.UpdatedAt = now;
            c.ReminderId = null;
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.ConsultationRescheduled, Actor = request.By,
                Summary = $"Consultation moved from {ConsultationTexts.ForStaff(before, clock.TimeZone)} to {ConsultationTexts.ForStaff(c.StartsAt, clock.TimeZone)}, {c.DurationMinutes} min, at {c.Location}",
                Details = new() { ["consultationId"] = c.Id.ToString("D"), ["startsAt"] = c.StartsAt.ToString("O") },
            });
            return (c, null);
        }, cancellationToken);
        if (change.Consultation is not { } moved || change.Conflict is not null) return change;
        logger.LogInformation("Consultation {ConsultationId} of lead {LeadId} rescheduled (sequence {Sequence})", moved.Id, leadId, moved.Sequence);
        if (reminder is { } old) await scheduler.CancelAsync(leadId, old, request.By, CancellationToken.None);
        var confirmation = request.SendConfirmation ? await MessageAsync(leadId, moved.Id, "REQUEST", request.By) : null;
        await ScheduleReminderAsync(leadId, moved.Id, request.By);
        return new ConsultationChange(await ReadAsync(leadId, moved.Id), null, confirmation);
    }

    /// <summary>Cancelled (with a reason) or a no-show: the lead goes back to contacted with a follow-up task, the reminder is cancelled.</summary>
    public async Task<ConsultationChange> CloseAsync(Guid leadId, string status, string? reason, bool sendCancellation, string by, CancellationToken cancellationToken)
    {
        Guid? reminder = null;
        var change = await WriteAsync(leadId, (lead, now) =>
        {
            if (Current(lead) is not { } c) return (null, "The lead has no consultation booked.");
            if (status == ConsultationStatus.NoShow && c.StartsAt > now) return (c, "The consultation has not started yet: cancel it instead.");
            reminder = c.ReminderId;
            c.Status = status;
            c.CancelReason = reason?.Trim();
            c.UpdatedAt = now;
            c.ReminderId = null;
            if (status == ConsultationStatus.Cancelled) c.Sequence++;
            var from = lead.Status;
            lead.Status = LeadStatus.Contacted;
            // Someone has to find a new date with the lead: a task, due by the lead's tier.
            var task = new FollowUpTask
            {
                Id = Ids.New(), QuoteRequestId = lead.QuoteRequestIds.LastOrDefault(), Tier = lead.Tier ?? "C", CreatedAt = now, DueAt = StoredTime.Truncate(clock.DueAt(lead.Tier ?? "C", now)),
                AssignedTo = lead.Tasks.LastOrDefault(t => t.AssignedTo is not null)?.AssignedTo,
            };
            lead.Tasks.Add(task);
            var when = ConsultationTexts.ForStaff(c.StartsAt, clock.TimeZone);
            lead.Record(new TimelineEntry
            {
                At = now, Kind = status == ConsultationStatus.NoShow ? TimelineKind.ConsultationNoShow : TimelineKind.ConsultationCancelled, Actor = by,
                Summary = status == ConsultationStatus.NoShow
                    ? $"Did not come to the consultation of {when}; a task to follow up was opened"
                    : $"Consultation of {when} cancelled: {c.CancelReason}; a task to follow up was opened",
                Details = new() { ["consultationId"] = c.Id.ToString("D"), ["taskId"] = task.Id.ToString("D") },
            });
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.StatusChanged, Actor = by,
                Summary = $"Status: {Dashboard.LeadActions.Describe(from)} → {Dashboard.LeadActions.Describe(LeadStatus.Contacted)}",
                Details = new() { ["from"] = from.Name(), ["to"] = LeadStatus.Contacted.Name() },
            });
            return (c, null);
        }, cancellationToken);
        if (change.Consultation is not { } closed || change.Conflict is not null) return change;
        logger.LogInformation("Consultation {ConsultationId} of lead {LeadId}: {ConsultationStatus}", closed.Id, leadId, status);
        if (reminder is { } old) await scheduler.CancelAsync(leadId, old, by, CancellationToken.None);
        var message = status == ConsultationStatus.Cancelled && sendCancellation ? await MessageAsync(leadId, closed.Id, "CANCEL", by) : null;
        return new ConsultationChange(await ReadAsync(leadId, closed.Id), null, message);
    }

    /// <summary>The confirmation, update or cancellation, through the gate: cleared (sent or held for review), waiting for its moment, or refused (on the timeline).</summary>
    private async Task<ConsultationMessage?> MessageAsync(Guid leadId, Guid consultationId, string method, string by)
    {
        var lead = await store.GetAsync(leadId, CancellationToken.None);
        if (lead?.Consultations.Find(c => c.Id == consultationId) is not { } c) return null;
        var channel = ChannelFor(lead);
        var (subject, body) = ConsultationTexts.For(method, c, lead.Person?.Language, clock.TimeZone);
        var message = new ConsultationMessage { OutreachId = Ids.New(), Method = method, Sequence = c.Sequence, Channel = ChannelNames.Of(channel), At = StoredTime.Truncate(time.GetUtcNow()), Outcome = "sending" };
        // Recorded first: the email channel finds the invite to attach by this OutreachId.
        await WriteAsync(leadId, (l, _) => l.Consultations.Find(x => x.Id == consultationId) is { } x ? (Add(x, message), null) : (null, "gone"), CancellationToken.None);
        var request = new OutreachRequest
        {
            Channel = channel,
            Subject = channel == OutreachChannel.Email ? subject : null,
            Body = body,
            Author = by,
            OutreachId = message.OutreachId,
            ApprovedContent = ConsultationTexts.FixedWording(method, c, lead.Person?.Language, channel == OutreachChannel.Email ? subject : null, body),
        };
        var outcome = await sender.SendAsync(leadId, request, CancellationToken.None);
        var final = new ConsultationMessage { OutreachId = message.OutreachId, Method = method, Sequence = message.Sequence, Channel = message.Channel, At = message.At };
        switch (outcome.Kind)
        {
            case OutreachOutcomeKind.Sent or OutreachOutcomeKind.AlreadyHandled:
                final.Outcome = "sent";
                break;
            case OutreachOutcomeKind.HeldForReview when outcome.ReviewId is { } reviewId:
                final.Outcome = "held_for_review";
                final.OutreachId = reviewId; // an approved review is sent under its own id
                break;
            case OutreachOutcomeKind.Blocked when outcome.Decision?.NextAllowedAt is not null:
                var item = await scheduler.ScheduleAsync(leadId, request with { OutreachId = null }, outcome, CancellationToken.None);
                final.Outcome = "scheduled";
                final.OutreachId = item.Id; // sent later under the scheduled item's id
                break;
            default:
                final.Outcome = outcome.Kind == OutreachOutcomeKind.Failed ? "failed" : "blocked";
                break;
        }
        await WriteAsync(leadId, (l, _) =>
        {
            if (l.Consultations.Find(x => x.Id == consultationId) is not { } x) return (null, "gone");
            x.Messages.RemoveAll(m => m.OutreachId == message.OutreachId && m.Outcome == "sending" && final.OutreachId != message.OutreachId);
            if (x.Messages.Find(m => m.OutreachId == final.OutreachId) is { } same) same.Outcome = final.Outcome;
            else x.Messages.Add(final);
            return (x, null);
        }, CancellationToken.None);
        logger.LogInformation("Consultation {ConsultationId} of lead {LeadId}: {Method} message by {Channel} {Outcome}", consultationId, leadId, method, final.Channel, final.Outcome);
        return final;
    }

    private static Consultation Add(Consultation c, ConsultationMessage m)
    {
        c.Messages.Add(m);
        return c;
    }

    /// <summary>A text when that is the lead's channel (or there is no email), else email (with the invite).</summary>
    internal static OutreachChannel ChannelFor(LeadDocument lead) =>
        (lead.Person?.PreferredChannel == "sms" && !string.IsNullOrWhiteSpace(lead.Person.Phone)) || string.IsNullOrWhiteSpace(lead.Person?.Email)
            ? OutreachChannel.Sms
            : OutreachChannel.Email;

    /// <summary>The reminder, waiting in the scheduled outreach until a day before (the gate decides at that time); none when that moment has passed.</summary>
    private async Task ScheduleReminderAsync(Guid leadId, Guid consultationId, string by)
    {
        var lead = await store.GetAsync(leadId, CancellationToken.None);
        if (lead?.Consultations.Find(c => c.Id == consultationId) is not { } c) return;
        var now = StoredTime.Truncate(time.GetUtcNow());
        var due = c.StartsAt - ReminderBefore;
        if (due <= now)
        {
            await WriteAsync(leadId, (l, at) =>
            {
                l.Record(new TimelineEntry { At = at, Kind = TimelineKind.ConsultationReminderSkipped, Actor = "system", Summary = "No reminder: the consultation is less than a day away" });
                return (c, null);
            }, CancellationToken.None);
            return;
        }
        var channel = ChannelFor(lead);
        var (subject, body) = ConsultationTexts.For("REMINDER", c, lead.Person?.Language, clock.TimeZone);
        var item = new ScheduledOutreach
        {
            Id = Ids.New(),
            LeadId = leadId,
            Channel = ChannelNames.Of(channel),
            Language = lead.Person?.Language,
            Author = by,
            Text = new ReviewText { Subject = channel == OutreachChannel.Email ? subject : null, Body = body },
            CreatedAt = now,
            DueAt = StoredTime.Truncate(due),
            SendBefore = c.StartsAt, // a reminder after the start is no reminder
            WaitingFor = ["consultation_reminder"],
        };
        if (!await scheduled.TryInsertAsync(item, CancellationToken.None)) return;
        await WriteAsync(leadId, (l, at) =>
        {
            if (l.Consultations.Find(x => x.Id == consultationId) is not { } x) return (null, "gone");
            x.ReminderId = item.Id;
            x.Messages.Add(new ConsultationMessage { OutreachId = item.Id, Method = "REMINDER", Sequence = x.Sequence, Channel = item.Channel, At = at, Outcome = "scheduled" });
            l.Record(new TimelineEntry
            {
                At = at, Kind = TimelineKind.OutreachScheduled, Actor = by,
                Summary = $"Reminder by {item.Channel} scheduled for {ConsultationTexts.ForStaff(item.DueAt, clock.TimeZone)}, the day before the consultation",
                Details = new() { ["scheduledOutreachId"] = item.Id.ToString("D"), ["scheduledFor"] = item.DueAt.ToString("O") },
            });
            return (x, null);
        }, CancellationToken.None);
        logger.LogInformation("Reminder {ScheduledOutreachId} of consultation {ConsultationId} for lead {LeadId} scheduled for {DueAt}", item.Id, consultationId, leadId, item.DueAt);
    }

    private async Task<Consultation?> ReadAsync(Guid leadId, Guid consultationId) =>
        (await store.GetAsync(leadId, CancellationToken.None))?.Consultations.Find(c => c.Id == consultationId);

    /// <summary>An optimistic write: a conflict re-reads and redoes the change. The change returns the consultation, or a conflict (nothing written).</summary>
    private async Task<ConsultationChange> WriteAsync(Guid leadId, Func<LeadDocument, DateTimeOffset, (Consultation?, string?)> change, CancellationToken cancellationToken)
    {
        ConsultationChange outcome = new(null);
        await store.UpdateAsync(leadId, lead =>
        {
            outcome = new ConsultationChange(null);
            if (lead.MergedInto is not null || lead.ErasedAt is not null) return false;
            var (consultation, conflict) = change(lead, StoredTime.Truncate(time.GetUtcNow()));
            if (conflict is not null)
            {
                outcome = new ConsultationChange(consultation ?? new Consultation(), conflict);
                return false;
            }
            outcome = new ConsultationChange(consultation);
            return true;
        }, cancellationToken);
        return outcome;
    }
}
