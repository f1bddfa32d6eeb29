using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>
/// Outreach that waits for its moment, on the document store:
/// <list type="bullet">
/// <item><see cref="ScheduleAsync"/> stores it (durable before the coordinator is told) and writes the lead's timeline;</item>
/// <item><see cref="RunDueAsync"/> claims each due item by an optimistic write (lease until now + <see cref="SchedulingOptions.Lease"/>;
/// the replica that loses the write skips it), then hands it to <see cref="OutreachSender"/> under the item's id as the
/// OutreachId, so the gate checks consent, opt-outs, eligibility, the contact rules and the claims screen afresh, and a
/// second hand-over (after a lost lease or a crash) finds the outreach on the lead and sends nothing;</item>
/// <item>not cleared then: not sent, and the lead's timeline says why (blocked only by timing again: rescheduled);</item>
/// <item><see cref="CancelAsync"/>: a coordinator cancels it while it waits.</item>
/// </list>
/// </summary>
internal sealed class OutreachScheduler(
    IScheduledOutreachStore store,
    ILeadStore leads,
    OutreachSender sender,
    TimeProvider time,
    IOptions<FollowUpOptions> options,
    ILogger<OutreachScheduler> logger)
{
    private readonly string replica = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<ScheduledOutreach> ScheduleAsync(Guid leadId, OutreachRequest request, OutreachOutcome blocked, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var item = new ScheduledOutreach
        {
            Id = Ids.New(),
            LeadId = leadId,
            Channel = ChannelNames.Of(request.Channel),
            Language = request.Language,
            Author = request.Author,
            Text = new ReviewText { Subject = request.Subject, Body = request.Body },
            CreatedAt = now,
            DueAt = StoredTime.Truncate(blocked.Decision!.NextAllowedAt!.Value.ToUniversalTime()),
            WaitingFor = [.. blocked.Decision.Violations.Select(v => v.Rule).Distinct()],
            ScheduledEvidenceId = blocked.Evidence!.EvidenceId,
        };
        if (!await store.TryInsertAsync(item, CancellationToken.None)) throw new InvalidOperationException("A scheduled outreach id was taken twice.");
        await RecordAsync(leadId, new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.OutreachScheduled,
            Summary = $"{item.Channel} scheduled for {Local(blocked.Decision, item.DueAt)} ({string.Join(", ", item.WaitingFor)})",
            Actor = request.Author,
            Details = new Dictionary<string, string>
            {
                ["scheduledOutreachId"] = item.Id.ToString("D"),
                ["scheduledFor"] = item.DueAt.ToString("O", CultureInfo.InvariantCulture),
                ["evidenceId"] = item.ScheduledEvidenceId.ToString("D"),
            },
        }, CancellationToken.None);
        logger.LogInformation("Outreach {ScheduledOutreachId} for lead {LeadId} scheduled by {Channel} for {DueAt}", item.Id, leadId, item.Channel, item.DueAt);
        return item;
    }

    /// <summary>The moment in the lead's local time(s), for people: <c>2026-12-02 08:00 America/New_York</c>.</summary>
    internal static string Local(ComplianceDecision decision, DateTimeOffset at)
        => decision.NextAllowedLocal.Count == 0
            ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : string.Join(" / ", decision.NextAllowedLocal.Select(l => l.LocalTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + l.ZoneId));

    /// <summary>Sends what is due now; returns how many items this replica handled.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Scheduling;
        var handled = 0;
        foreach (var due in await store.DueAsync(time.UtcNow(), 20, cancellationToken))
        {
            // Claimed with the version check: another replica claiming it (or a coordinator cancelling it) meanwhile wins,
            // and the fresh read shows it is no longer due here.
            var claim = await store.UpdateAsync(due.Id, (item, _) =>
            {
                var now = time.UtcNow();
                if (item.Status != ScheduledOutreachStatus.Scheduled || item.DueAt > now || item.LeaseUntil is { } lease && lease > now) return false;
                item.ClaimedBy = replica;
                item.LeaseUntil = now + (settings.Lease > TimeSpan.Zero ? settings.Lease : TimeSpan.FromMinutes(2));
                item.Attempts++;
                return true;
            }, UpdateOptions<ScheduledOutreach>.From(due), cancellationToken);
            if (!claim.Updated) continue;

            await SendAsync(claim.Document!, cancellationToken);
            handled++;
        }

        return handled;
    }

    private async Task SendAsync(ScheduledOutreach item, CancellationToken cancellationToken)
    {
        if (item.SendBefore is { } sendBefore && time.UtcNow() >= sendBefore)
        {
            await TooLateAsync(item, cancellationToken);
            return;
        }
        ChannelNames.TryParse(item.Channel, out var channel);
        var outcome = await sender.SendAsync(item.LeadId, new OutreachRequest
        {
            Channel = channel,
            Subject = item.Text.Subject,
            Body = item.Text.Body,
            Author = item.Author,
            Language = item.Language,
            OutreachId = item.Id,
        }, CancellationToken.None);
        var now = time.UtcNow();
        item.ClaimedBy = null;
        item.LeaseUntil = null;
        TimelineEntry? entry = null;
        switch (outcome.Kind)
        {
            case OutreachOutcomeKind.Sent or OutreachOutcomeKind.ScriptIssued or OutreachOutcomeKind.AlreadyHandled or OutreachOutcomeKind.HeldForReview:
                item.Status = ScheduledOutreachStatus.Sent;
                item.FinishedAt = now;
                item.Reason = outcome.Kind == OutreachOutcomeKind.HeldForReview ? "held for a compliance officer's review" : null;
                break;
            case OutreachOutcomeKind.Blocked when outcome.Decision?.NextAllowedAt is { } next && item.SendBefore is { } tooLate && next >= tooLate:
                item.Status = ScheduledOutreachStatus.NotSent;
                item.FinishedAt = now;
                item.FinishedBy = "compliance gate";
                item.Reason = $"The next allowed moment is after {tooLate:u}, when it would be too late.";
                entry = Entry(item, now, TimelineKind.ScheduledOutreachNotSent, $"Scheduled {item.Channel} was not sent: the next allowed moment comes too late");
                break;
            case OutreachOutcomeKind.Blocked when outcome.Decision?.NextAllowedAt is { } next:
                item.DueAt = StoredTime.Truncate(next.ToUniversalTime());
                item.WaitingFor = [.. outcome.Decision.Violations.Select(v => v.Rule).Distinct()];
                entry = Entry(item, now, TimelineKind.OutreachRescheduled, $"Scheduled {item.Channel} waits again, until {Local(outcome.Decision, item.DueAt)} ({string.Join(", ", item.WaitingFor)})");
                break;
            default:
                item.Status = ScheduledOutreachStatus.NotSent;
                item.FinishedAt = now;
                item.FinishedBy = "compliance gate";
                item.Reason = outcome.Kind switch
                {
                    OutreachOutcomeKind.LeadNotFound => "The lead no longer exists.",
                    OutreachOutcomeKind.Failed => outcome.Problem ?? "The channel did not accept it.",
                    _ => string.Join(" ", (outcome.Decision?.Violations ?? []).Select(v => v.Advice).Distinct()),
                };
                entry = Entry(item, now, TimelineKind.ScheduledOutreachNotSent, $"Scheduled {item.Channel} was not sent at its time: {item.Reason}");
                break;
        }

        // The lead's timeline first, then the item: whoever sees the item finished (the API, the dashboard) finds the
        // reason on the timeline already. A crash in between leaves the item leased, so it is tried again: at worst the
        // timeline says it twice.
        if (entry is not null) await RecordAsync(item.LeadId, entry, CancellationToken.None);
        await SaveAsync(item, cancellationToken);
        logger.LogInformation("Scheduled outreach {ScheduledOutreachId} for lead {LeadId}: {Status}", item.Id, item.LeadId, item.Status);
    }

    private async Task TooLateAsync(ScheduledOutreach item, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        (item.ClaimedBy, item.LeaseUntil) = (null, null);
        item.Status = ScheduledOutreachStatus.NotSent;
        item.FinishedAt = now;
        item.FinishedBy = "scheduler";
        item.Reason = "Too late: the moment it was for has passed.";
        await RecordAsync(item.LeadId, Entry(item, now, TimelineKind.ScheduledOutreachNotSent, $"Scheduled {item.Channel} was not sent: too late, the moment it was for has passed"), CancellationToken.None);
        await SaveAsync(item, cancellationToken);
        logger.LogInformation("Scheduled outreach {ScheduledOutreachId} for lead {LeadId}: {Status}", item.Id, item.LeadId, item.Status);
    }

    /// <summary>A coordinator cancels a waiting item. Null: no such item on this lead; else the item and a problem (already done, or being sent).</summary>
    public async Task<(ScheduledOutreach? Item, string? Problem)> CancelAsync(Guid leadId, Guid id, string coordinator, CancellationToken cancellationToken)
    {
        string? problem = null;
        var now = time.UtcNow();
        var result = await store.UpdateAsync(id, (item, _) =>
        {
            problem = null;
            if (item.LeadId != leadId) return false;
            if (item.Status != ScheduledOutreachStatus.Scheduled)
            {
                problem = $"It is {item.Status.Replace('_', ' ')} already.";
                return false;
            }
            now = time.UtcNow();
            if (item.LeaseUntil is { } lease && lease > now)
            {
                problem = "It is being sent right now.";
                return false;
            }
            item.Status = ScheduledOutreachStatus.Cancelled;
            item.FinishedAt = now;
            item.FinishedBy = coordinator;
            return true;
        }, null, cancellationToken);
        if (result.Document is not { } cancelled || cancelled.LeadId != leadId) return (null, null);
        if (!result.Updated) return (cancelled, problem);

        var entry = Entry(cancelled, now, TimelineKind.ScheduledOutreachCancelled, $"Scheduled {cancelled.Channel} for {cancelled.DueAt:yyyy-MM-dd HH:mm} UTC cancelled");
        entry.Actor = coordinator;
        await RecordAsync(leadId, entry, CancellationToken.None);
        logger.LogInformation("Scheduled outreach {ScheduledOutreachId} for lead {LeadId} cancelled", id, leadId);
        return (cancelled, null);
    }

    /// <summary>The item as this replica finished it, written once with the version check (no retry: a change meanwhile wins).</summary>
    private async Task SaveAsync(ScheduledOutreach item, CancellationToken cancellationToken)
    {
        if (!await store.TryReplaceHeldAsync(item, cancellationToken))
        {
            // A coordinator cannot cancel under a live lease, so only a replica whose lease ran out meets this: the other
            // replica's hand-over found the outreach on the lead (same OutreachId) and records the same outcome.
            logger.LogWarning("Scheduled outreach {ScheduledOutreachId} changed while this replica sent it (its lease ran out)", item.Id);
        }
    }

    private static TimelineEntry Entry(ScheduledOutreach item, DateTimeOffset now, TimelineKind kind, string summary) => new()
    {
        At = now,
        Kind = kind,
        Summary = summary,
        Details = new Dictionary<string, string> { ["scheduledOutreachId"] = item.Id.ToString("D") },
    };

    private Task RecordAsync(Guid leadId, TimelineEntry entry, CancellationToken cancellationToken) =>
        leads.UpdateAsync(leadId, lead =>
        {
            lead.Record(entry);
            return true;
        }, cancellationToken);
}
