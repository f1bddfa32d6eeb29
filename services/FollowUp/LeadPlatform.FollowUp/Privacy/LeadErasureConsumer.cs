using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Channels;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Privacy;

/// <summary>
/// Erases what follow-up holds about a lead: the person and inquiry go, each outreach keeps its hash but loses its
/// recipient and text, the file channels' copies (<c>.eml</c>, <c>.json</c>) are deleted from the outbox folder, the
/// timeline keeps what happened, when and by whom but loses every word about the person (notes, SMS replies, reasons,
/// free-text details), the sent events' payloads are dropped, open tasks are cancelled, and the lead is opted out of
/// everything, messages held for review lose their texts, and outreach scheduled for later is cancelled and loses its text. The evidence ledger stays as it is: it holds hashes only (message, subject, consent), so it still proves
/// what was sent without saying to whom. A lead not known yet is stored erased, so a submission that arrives later
/// brings no personal data back.
/// </summary>
public sealed class LeadErasureConsumer(ILeadStore store, Reviews.IReviewStore reviews, TimeProvider time, ILogger<LeadErasureConsumer> logger, OutboxFolder? outbox = null,
    Scheduling.IScheduledOutreachStore? scheduled = null)
    : IConsumer<LeadErasureRequested>
{
    public const string Erased = "(erased)";

#pragma warning disable CS8524 // Every named kind is listed: a new kind must say whether its summary survives erasure (else CS8509).
    /// <summary>Timeline entries whose summary is about the process, not the person, are kept as they are; the others are scrubbed.</summary>
    private static bool KeepsItsSummary(TimelineKind kind) => kind switch
    {
        TimelineKind.Qualified or TimelineKind.TaskCreated or TimelineKind.TaskOverdue or TimelineKind.StatusChanged or TimelineKind.OptedOut
            or TimelineKind.OutreachSent or TimelineKind.OutreachBlocked or TimelineKind.OutreachSkipped or TimelineKind.CallScriptIssued
            or TimelineKind.Erased => true,
        TimelineKind.Submitted or TimelineKind.Disqualified or TimelineKind.EligibilityOverridden or TimelineKind.TaskAssigned
            or TimelineKind.TaskReoffered or TimelineKind.Note or TimelineKind.OutreachFailed or TimelineKind.OutreachHeld
            or TimelineKind.OutreachScheduled or TimelineKind.OutreachRescheduled or TimelineKind.ScheduledOutreachNotSent
            or TimelineKind.ScheduledOutreachCancelled or TimelineKind.ReviewApproved or TimelineKind.ReviewRejected or TimelineKind.ReviewBlocked
            or TimelineKind.CallLogged or TimelineKind.CallFlagged or TimelineKind.SmsReceived or TimelineKind.EmailReceived
            or TimelineKind.OptedIn or TimelineKind.OptOutConfirmationSkipped or TimelineKind.ContactCorrected or TimelineKind.ConsultationBooked
            or TimelineKind.ConsultationRescheduled or TimelineKind.ConsultationCancelled or TimelineKind.ConsultationNoShow
            or TimelineKind.ConsultationReminderSkipped or TimelineKind.Merged or TimelineKind.MergedInto or TimelineKind.Unmerged
            or TimelineKind.KeptApart or TimelineKind.PrivacyExport or TimelineKind.ErasureRequested => false,
    };
#pragma warning restore CS8524

    /// <summary>Detail keys that are proof without the person (ids, versions, hashes, channels, statuses): kept.</summary>
    private static readonly HashSet<string> ProcessDetails = new(StringComparer.Ordinal)
    {
        "taskId", "tier", "assignedTo", "from", "to", "erasureId", "outreachId", "evidenceId", "kind", "channel",
        "disclaimers", "messageHash", "key", "nextAllowedAt", "consent", "formId", "readAloudConfirmedBy",
    };

    public async Task Consume(ConsumeContext<LeadErasureRequested> context)
    {
        var m = context.Message;
        var now = StoredTime.Truncate(time.GetUtcNow());
        var existing = await store.GetCurrentAsync(m.LeadId, context.CancellationToken); // a merged lead's person lives in the surviving lead
        var leadId = existing?.Id ?? m.LeadId;
        // A lead follow-up has not heard of yet is stored erased, so what arrives later for it finds nothing to keep.
        // A conflict on every attempt makes the bus retry.
        var erased = await store.UpdateAsync(leadId, (lead, log) =>
        {
            if (lead.ErasedAt is not null) return false;
            Erase(lead, now, m.ErasureId);
            log.LogInformation("Personal data of lead {LeadId} erased by {Service} for erasure {ErasureId}", leadId, FollowUpModule.ServiceName, m.ErasureId);
            return true;
        }, new UpdateOptions<LeadDocument>
        {
            Held = existing,
            HeldMissing = existing is null,
            Create = () => LeadDocument.New(m.LeadId, now),
            Logger = logger,
        }, context.CancellationToken);
        var lead = erased.Document!;
        // Every time, also on a redelivery: a crash between the write and the deletion leaves no copy behind.
        var deleted = outbox?.DeleteCopiesOf(lead.Outreach.Select(o => o.Id)) ?? 0;
        if (deleted > 0) logger.LogInformation("{FileCount} outbox files of lead {LeadId} deleted for erasure {ErasureId}", deleted, m.LeadId, m.ErasureId);
        await Reviews.ReviewErasure.EraseAsync(reviews, leadId, now, context.CancellationToken);
        if (leadId != m.LeadId) await Reviews.ReviewErasure.EraseAsync(reviews, m.LeadId, now, context.CancellationToken);
        if (scheduled is not null)
        {
            foreach (var id in leadId == m.LeadId ? [leadId] : new[] { leadId, m.LeadId })
                await EraseScheduledAsync(scheduled, id, now, context.CancellationToken);
        }
        await context.Publish(new LeadDataErased { LeadId = m.LeadId, OccurredAt = time.GetUtcNow(), ErasureId = m.ErasureId, Service = FollowUpModule.ServiceName },
            publish => publish.CorrelationId = m.LeadId);
    }

    /// <summary>
    /// Outreach waiting for its moment is cancelled and loses its words (every time, also on a redelivery: a conflict with
    /// the scheduler's own write makes the bus retry). Sent or finished items lose their words too.
    /// </summary>
    private static async Task EraseScheduledAsync(Scheduling.IScheduledOutreachStore store, Guid leadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var item in await store.ForLeadAsync(leadId, 1000, cancellationToken))
        {
            if (item.Text.Body == Erased && item.Status != Scheduling.ScheduledOutreachStatus.Scheduled) continue;
            item.Text = new Reviews.ReviewText { Subject = null, Body = Erased };
            if (item.Status == Scheduling.ScheduledOutreachStatus.Scheduled)
            {
                (item.Status, item.FinishedAt, item.FinishedBy, item.Reason) = (Scheduling.ScheduledOutreachStatus.Cancelled, now, "erasure", "the lead's personal data was erased");
                (item.ClaimedBy, item.LeaseUntil) = (null, null);
            }
            await store.ReplaceAsync(item, cancellationToken);
        }
    }

    internal static void Erase(LeadDocument lead, DateTimeOffset now, Guid? erasureId)
    {
        lead.Person = null;
        lead.Inquiry = null;
        foreach (var submission in lead.Submissions) (submission.Person, submission.Inquiry, submission.Source) = (null, null, null);
        foreach (var outreach in lead.Outreach)
        {
            outreach.Recipient = Erased;
            outreach.Subject = null;
            outreach.Message = string.Empty;
        }
        foreach (var draft in lead.WithheldDrafts) (draft.Subject, draft.Body) = (null, Erased);
        foreach (var entry in lead.Timeline) ScrubTimelineEntry(entry);
        foreach (var call in lead.Calls) call.Notes = null;
        foreach (var consultation in lead.Consultations) (consultation.Location, consultation.Notes, consultation.CancelReason) = (Erased, null, null);
        foreach (var correction in lead.ContactCorrections) correction.Reason = Erased;
        lead.ConsentedContact = null;
        lead.LostReasonText = null;
        foreach (var sent in lead.Outbox.Where(e => e.SentAt is not null)) sent.Payload = string.Empty;
        foreach (var task in lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open)) task.Status = FollowUpTaskStatus.Cancelled;
        if (!lead.OptOuts.Contains("all")) lead.OptOuts.Add("all");
        lead.ErasedAt = now;
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.Erased,
            Summary = erasureId is null ? "Personal data anonymised after the retention period" : "Personal data erased on request",
            Details = erasureId is null ? [] : new() { ["erasureId"] = erasureId.Value.ToString() },
        });
    }

    /// <summary>What happened, when and who acted stay; the person's words go (a qualification keeps which rules fired).</summary>
    private static void ScrubTimelineEntry(TimelineEntry entry)
    {
        if (!KeepsItsSummary(entry.Kind)) entry.Summary = $"{entry.Kind.Name().Replace('_', ' ')} {Erased}";
        var keepRuleIds = entry.Kind is TimelineKind.Qualified or TimelineKind.Disqualified;
        entry.Details = entry.Details
            .Where(d => keepRuleIds || ProcessDetails.Contains(d.Key))
            .ToDictionary(d => d.Key, d => ProcessDetails.Contains(d.Key) ? d.Value : Erased);
    }
}
