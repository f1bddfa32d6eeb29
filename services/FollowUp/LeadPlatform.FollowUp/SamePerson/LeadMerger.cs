using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.SamePerson;

/// <summary>
/// A coordinator's decision about two leads that may be one person: merge them, or keep them apart.
/// <para>
/// A merge moves everything of the merged lead into the surviving one: every submission, every consent record, the
/// timeline, tasks and outreach; opt-outs are the union of both (never weakened). The contact details and consent on
/// file stay the survivor's. The merged lead keeps its evidence ledger (hash-chained on its own) and becomes a pointer
/// (<see cref="LeadDocument.MergedInto"/>): everything that later arrives for it goes to the survivor. Two writes, the
/// survivor's first; a merge interrupted between them is finished by asking again (each step checks whether it was done).
/// </para>
/// </summary>
internal sealed class LeadMerger(ILeadStore store, TimeProvider time, ILogger<LeadMerger> logger)
{

    public async Task<(MergeResult Result, string? Reason)> MergeAsync(Guid leadId, Guid otherLeadId, string actor, CancellationToken cancellationToken)
    {
        if (leadId == otherLeadId) return (MergeResult.Refused, "A lead cannot be merged with itself.");
        var survivor = await store.GetAsync(leadId, cancellationToken);
        var other = await store.GetAsync(otherLeadId, cancellationToken);
        if (survivor is null || other is null) return (MergeResult.NotFound, null);
        if (other.MergedInto == leadId && survivor.MergedFrom.Contains(otherLeadId)) return (MergeResult.AlreadyDone, null);
        if (survivor.MergedInto is not null) return (MergeResult.Refused, $"Lead {leadId} was merged into lead {survivor.MergedInto}: merge into that one.");
        if (other.MergedInto is not null && other.MergedInto != leadId) return (MergeResult.Refused, $"Lead {otherLeadId} was already merged into lead {other.MergedInto}.");
        if (survivor.ErasedAt is not null || other.ErasedAt is not null) return (MergeResult.Refused, "An erased lead cannot be merged.");

        var now = StoredTime.Truncate(time.GetUtcNow());
        await ChangeAsync(leadId, lead => !lead.MergedFrom.Contains(otherLeadId) && Absorb(lead, other, actor, now), cancellationToken);
        await ChangeAsync(otherLeadId, lead => lead.MergedInto is null && Retire(lead, leadId, actor, now), cancellationToken);

        // Third leads linked to the merged one are linked to the survivor from now on.
        foreach (var link in other.PossibleSamePeople.Where(l => l.LeadId != leadId))
        {
            await ChangeAsync(link.LeadId, lead =>
            {
                var stale = lead.PossibleSamePeople.Find(l => l.LeadId == otherLeadId);
                if (stale is null) return false;
                if (lead.PossibleSamePeople.Exists(l => l.LeadId == leadId)) lead.PossibleSamePeople.Remove(stale);
                else stale.LeadId = leadId;
                return true;
            }, cancellationToken);
        }
        logger.LogInformation("Lead {MergedLeadId} merged into lead {SurvivingLeadId}", otherLeadId, leadId);
        return (MergeResult.Done, null);
    }

    /// <summary>
    /// Undoes a merge: the merged-away lead is its own lead again. What came with it (by its origin markers: a submission's
    /// <see cref="SubmissionRecord.LeadId"/>, a consent record's <see cref="ConsentRecord.LeadId"/>, a timeline entry's
    /// <c>fromLeadId</c>, a task's or an outreach's <c>FromLeadId</c>) goes back to it; what arrived on the survivor since
    /// the merge stays there. Opt-outs are never weakened: both leads keep every opt-out either had. The link between
    /// them becomes "kept apart", so they are not offered for merge again. The restored lead is written first, then the
    /// survivor; an unmerge interrupted between them is finished by asking again.
    /// </summary>
    public async Task<(MergeResult Result, string? Reason)> UnmergeAsync(Guid leadId, Guid otherLeadId, string actor, CancellationToken cancellationToken)
    {
        if (leadId == otherLeadId) return (MergeResult.Refused, "A lead cannot be unmerged from itself.");
        var survivor = await store.GetAsync(leadId, cancellationToken);
        var other = await store.GetAsync(otherLeadId, cancellationToken);
        if (survivor is null || other is null) return (MergeResult.NotFound, null);
        if (!survivor.MergedFrom.Contains(otherLeadId))
        {
            return other.MergedInto is null && other.PossibleSamePeople.Exists(l => l.LeadId == leadId && l.Status == LinkStatus.KeptApart)
                ? (MergeResult.AlreadyDone, null)
                : (MergeResult.Refused, $"Lead {otherLeadId} was not merged into lead {leadId}.");
        }
        if (other.MergedInto is not null && other.MergedInto != leadId)
            return (MergeResult.Refused, $"Lead {otherLeadId} was merged into lead {other.MergedInto}: unmerge it there.");
        if (survivor.ErasedAt is not null || other.ErasedAt is not null) return (MergeResult.Refused, "An erased lead cannot be unmerged.");

        var origins = new HashSet<Guid>(other.MergedFrom) { otherLeadId };
        var now = StoredTime.Truncate(time.GetUtcNow());
        var restored = 0;
        await ChangeAsync(otherLeadId, lead => lead.MergedInto == leadId && Restore(lead, survivor, origins, actor, now, out restored), cancellationToken);
        await ChangeAsync(leadId, lead => lead.MergedFrom.Contains(otherLeadId) && Release(lead, otherLeadId, origins, actor, now), cancellationToken);
        logger.LogInformation("Lead {RestoredLeadId} unmerged from lead {SurvivingLeadId}: {SubmissionCount} submissions back", otherLeadId, leadId, restored);
        return (MergeResult.Done, null);
    }

    private static bool CameWith(FollowUpTask task, HashSet<Guid> origins, HashSet<Guid> quoteRequestIds) =>
        task.FromLeadId is { } from ? origins.Contains(from) : quoteRequestIds.Contains(task.QuoteRequestId); // merges before the marker: by submission

    private static bool CameWith(TimelineEntry entry, Guid otherLeadId) =>
        entry.Details.TryGetValue("fromLeadId", out var from) && from == otherLeadId.ToString();

    private static bool Restore(LeadDocument lead, LeadDocument survivor, HashSet<Guid> origins, string actor, DateTimeOffset now, out int restored)
    {
        var submissions = survivor.Submissions.Where(s => origins.Contains(s.LeadId)).ToList();
        var quoteRequestIds = submissions.Select(s => s.QuoteRequestId).ToHashSet();
        restored = submissions.Count;
        lead.Submissions.AddRange(submissions.Where(s => !lead.Submissions.Exists(x => x.QuoteRequestId == s.QuoteRequestId)));
        lead.Submissions.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        lead.QuoteRequestIds.AddRange(quoteRequestIds.Except(lead.QuoteRequestIds).ToList());
        // Its person on file again: the earliest of its own submissions (the merge kept the details only on the survivor).
        if (lead.Submissions.FirstOrDefault() is { } first) (lead.Person, lead.Inquiry) = (first.Person, first.Inquiry);
        lead.Consent ??= lead.Submissions.FirstOrDefault()?.Consent;

        // Its consent records stayed here through the merge; add any the survivor holds for it that are missing.
        foreach (var record in survivor.ConsentHistory.Where(r => origins.Contains(r.LeadId)
            && !lead.ConsentHistory.Exists(x => x.Channel == r.Channel && x.At == r.At && x.QuoteRequestId == r.QuoteRequestId)))
            lead.ConsentHistory.Add(record);
        lead.ConsentHistory.Sort((a, b) => a.At.CompareTo(b.At));

        foreach (var entry in survivor.Timeline.Where(e => CameWith(e, lead.Id)))
        {
            var details = new Dictionary<string, string>(entry.Details);
            details.Remove("fromLeadId");
            lead.Timeline.Add(new TimelineEntry { At = entry.At, Kind = entry.Kind, Summary = entry.Summary, Actor = entry.Actor, QuoteRequestId = entry.QuoteRequestId, Details = details });
        }
        lead.Timeline.Sort((a, b) => a.At.CompareTo(b.At));

        foreach (var task in survivor.Tasks.Where(t => CameWith(t, origins, quoteRequestIds)))
        {
            lead.Tasks.RemoveAll(t => t.Id == task.Id);
            lead.Tasks.Add(task); // its marker stays (a retried write finds it again)
        }
        // The merge cancelled its open task (one open task per lead): it is a lead of its own again, so it has one again.
        if (!lead.Tasks.Exists(t => t.Status == FollowUpTaskStatus.Open) && lead.Tasks.Where(t => t.CancelledByMerge).MaxBy(t => t.CreatedAt) is { } cancelled)
            (cancelled.Status, cancelled.CancelledByMerge) = (FollowUpTaskStatus.Open, false);
        lead.Outreach.AddRange(survivor.Outreach.Where(o => o.FromLeadId is { } from && origins.Contains(from) && !lead.Outreach.Exists(x => x.Id == o.Id)));
        lead.Outreach.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));

        // Opt-outs are never weakened: it keeps every opt-out the merged lead had, announced for it so every service honours them.
        var gained = survivor.OptOuts.Except(lead.OptOuts).ToList();
        lead.OptOuts.AddRange(gained);
        foreach (var channel in gained)
            lead.Enqueue(new LeadOptedOut { LeadId = lead.Id, OccurredAt = now, Channel = channel, Source = "unmerge" }, now, null, lead.Id);

        lead.MergedInto = null;
        Decide(lead, survivor.Id, actor, now);
        // Intake and qualification moved this lead's requests and decisions to the survivor on the merge: they move them back.
        lead.Enqueue(new LeadsUnmerged
        {
            SurvivingLeadId = survivor.Id,
            RestoredLeadId = lead.Id,
            QuoteRequestIds = lead.Submissions.Select(s => s.QuoteRequestId).Distinct().ToList(),
            OccurredAt = now,
            UnmergedBy = actor,
        }, now, null, lead.Id);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.Unmerged,
            Summary = $"Unmerged from lead {survivor.Id}: a different person after all. {submissions.Count} submission(s), their consent records, timeline, tasks and outreach are back here; "
                + (gained.Count == 0 ? "no opt-out added" : $"the opt-outs on the other lead kept here too ({string.Join(", ", gained)})") + "; the leads are kept apart",
            Actor = actor,
            Details = new() { ["survivingLeadId"] = survivor.Id.ToString(), ["submissions"] = submissions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        lead.AppendEvidence(EvidenceChain.LeadDecision(lead.Id, survivor.Id, "unmerged", actor, now, $"{submissions.Count} submission(s) back here; every opt-out kept; kept apart"));
        return true;
    }

    private static bool Release(LeadDocument lead, Guid otherLeadId, HashSet<Guid> origins, string actor, DateTimeOffset now)
    {
        var submissions = lead.Submissions.Where(s => origins.Contains(s.LeadId)).ToList();
        var quoteRequestIds = submissions.Select(s => s.QuoteRequestId).ToHashSet();
        lead.Submissions.RemoveAll(s => origins.Contains(s.LeadId));
        lead.QuoteRequestIds.RemoveAll(quoteRequestIds.Contains);
        // Only the copies the merge brought (never on file here): the other lead holds its own records.
        lead.ConsentHistory.RemoveAll(r => origins.Contains(r.LeadId) && !r.OnFile);
        lead.Timeline.RemoveAll(e => CameWith(e, otherLeadId));
        lead.Tasks.RemoveAll(t => CameWith(t, origins, quoteRequestIds));
        lead.Outreach.RemoveAll(o => o.FromLeadId is { } from && origins.Contains(from));
        // Opt-outs stay as they are: every opt-out the survivor had after the merge, the other lead's included.
        lead.MergedFrom.RemoveAll(origins.Contains);
        Decide(lead, otherLeadId, actor, now);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.Unmerged,
            Summary = $"Unmerged lead {otherLeadId}: a different person after all. Its {submissions.Count} submission(s), their consent records, timeline, tasks and outreach went back to it; "
                + "every opt-out stays on both leads; the leads are kept apart",
            Actor = actor,
            Details = new() { ["unmergedLeadId"] = otherLeadId.ToString(), ["submissions"] = submissions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        lead.AppendEvidence(EvidenceChain.LeadDecision(lead.Id, otherLeadId, "unmerged", actor, now, $"{submissions.Count} submission(s) went back to the other lead; every opt-out kept; kept apart"));
        return true;
    }

    /// <summary>The link between the two becomes "kept apart" (decided by who unmerged), so they are not offered for merge again.</summary>
    private static void Decide(LeadDocument lead, Guid otherLeadId, string actor, DateTimeOffset now)
    {
        if (lead.PossibleSamePeople.Find(l => l.LeadId == otherLeadId) is not { } link)
        {
            link = new LeadLink { LeadId = otherLeadId, Since = now };
            lead.PossibleSamePeople.Add(link);
        }
        (link.Status, link.DecidedBy, link.DecidedAt) = (LinkStatus.KeptApart, actor, now);
    }

    public async Task<MergeResult> KeepApartAsync(Guid leadId, Guid otherLeadId, string actor, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead?.PossibleSamePeople.Find(l => l.LeadId == otherLeadId) is not { } link) return MergeResult.NotFound;
        if (link.Status == LinkStatus.KeptApart) return MergeResult.AlreadyDone;
        if (link.Status == LinkStatus.Merged) return MergeResult.Refused;
        var now = StoredTime.Truncate(time.GetUtcNow());
        await ChangeAsync(leadId, l => KeepApart(l, otherLeadId, actor, now), cancellationToken);
        await ChangeAsync(otherLeadId, l => KeepApart(l, leadId, actor, now), cancellationToken);
        logger.LogInformation("Leads {LeadId} and {OtherLeadId} kept apart as different people", leadId, otherLeadId);
        return MergeResult.Done;
    }

    private static bool KeepApart(LeadDocument lead, Guid otherLeadId, string actor, DateTimeOffset now)
    {
        var link = lead.PossibleSamePeople.Find(l => l.LeadId == otherLeadId);
        if (link is null)
        {
            link = new LeadLink { LeadId = otherLeadId, Since = now };
            lead.PossibleSamePeople.Add(link);
        }
        if (link.Status == LinkStatus.KeptApart) return false;
        (link.Status, link.DecidedBy, link.DecidedAt) = (LinkStatus.KeptApart, actor, now);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.KeptApart,
            Summary = $"Marked as a different person from lead {otherLeadId}: the link is dismissed, the leads stay separate",
            Actor = actor,
            Details = new() { ["otherLeadId"] = otherLeadId.ToString() },
        });
        return true;
    }

    private static bool Absorb(LeadDocument lead, LeadDocument other, string actor, DateTimeOffset now)
    {
        var submissions = other.Submissions.Where(s => !lead.Submissions.Exists(x => x.QuoteRequestId == s.QuoteRequestId)).ToList();
        lead.Submissions.AddRange(submissions);
        lead.Submissions.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        foreach (var early in other.EarlyDecisions) lead.RecordDecision(early.QuoteRequestId, early.Decision, early.Tier, early.Score);
        lead.QuoteRequestIds.AddRange(other.QuoteRequestIds.Except(lead.QuoteRequestIds).ToList());
        foreach (var record in other.ConsentHistory)
        {
            lead.ConsentHistory.Add(new ConsentRecord
            {
                At = record.At, Channel = record.Channel, Granted = record.Granted, Text = record.Text, TextVersion = record.TextVersion,
                Source = record.Source, QuoteRequestId = record.QuoteRequestId, LeadId = record.LeadId, OnFile = false,
            });
        }
        lead.ConsentHistory.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var entry in other.Timeline)
        {
            lead.Timeline.Add(new TimelineEntry
            {
                At = entry.At, Kind = entry.Kind, Summary = entry.Summary, Actor = entry.Actor, QuoteRequestId = entry.QuoteRequestId,
                Details = new(entry.Details) { ["fromLeadId"] = other.Id.ToString() },
            });
        }
        var hasOpenTask = lead.Tasks.Exists(t => t.Status == FollowUpTaskStatus.Open);
        foreach (var task in other.Tasks.Where(t => !lead.Tasks.Exists(x => x.Id == t.Id)))
        {
            // One open task at a time: the survivor's open task stands for both.
            if (task.Status == FollowUpTaskStatus.Open && hasOpenTask) (task.Status, task.CancelledByMerge) = (FollowUpTaskStatus.Cancelled, true);
            hasOpenTask |= task.Status == FollowUpTaskStatus.Open;
            task.FromLeadId ??= other.Id; // the origin marker an unmerge follows
            lead.Tasks.Add(task);
        }
        foreach (var outreach in other.Outreach.Where(o => !lead.Outreach.Exists(x => x.Id == o.Id)))
        {
            outreach.FromLeadId ??= other.Id;
            lead.Outreach.Add(outreach);
        }
        lead.Outreach.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));

        // Opt-outs: the union of both sides, announced for the survivor so every service honours them.
        var gained = other.OptOuts.Except(lead.OptOuts).ToList();
        lead.OptOuts.AddRange(gained);
        foreach (var channel in gained)
            lead.Enqueue(new LeadOptedOut { LeadId = lead.Id, OccurredAt = now, Channel = channel, Source = "merge" }, now, null, lead.Id);

        lead.Flags = [.. lead.Flags.Union(other.Flags)];
        if (other.Tier is not null && (lead.Tier is null || string.CompareOrdinal(other.Tier, lead.Tier) < 0)) (lead.Tier, lead.Score) = (other.Tier, other.Score);
        lead.Person ??= other.Person;
        lead.Inquiry ??= other.Inquiry;
        lead.Consent ??= other.Consent;

        if (lead.PossibleSamePeople.Find(l => l.LeadId == other.Id) is { } link) (link.Status, link.DecidedBy, link.DecidedAt) = (LinkStatus.Merged, actor, now);
        else lead.PossibleSamePeople.Add(new LeadLink { LeadId = other.Id, Since = now, Status = LinkStatus.Merged, DecidedBy = actor, DecidedAt = now });
        foreach (var third in other.PossibleSamePeople.Where(l => l.LeadId != lead.Id && !lead.PossibleSamePeople.Exists(x => x.LeadId == l.LeadId)))
            lead.PossibleSamePeople.Add(new LeadLink { LeadId = third.LeadId, Matched = [.. third.Matched], Since = third.Since, Status = third.Status, DecidedBy = third.DecidedBy, DecidedAt = third.DecidedAt });
        lead.MergedFrom.Add(other.Id);
        lead.MergedFrom.AddRange(other.MergedFrom.Except(lead.MergedFrom).ToList());

        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.Merged,
            Summary = $"Merged with lead {other.Id} as the same person: {submissions.Count} submission(s), its consent history, timeline, tasks and outreach are here now; "
                + (gained.Count == 0 ? "no opt-out added" : $"its opt-outs kept ({string.Join(", ", gained)})") + "; contact details and consent on file unchanged",
            Actor = actor,
            Details = new() { ["mergedLeadId"] = other.Id.ToString(), ["submissions"] = submissions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        lead.AppendEvidence(EvidenceChain.LeadDecision(lead.Id, other.Id, "merged", actor, now, $"{submissions.Count} submission(s) moved here; opt-outs are the union of both"));
        lead.Enqueue(new LeadsMerged { SurvivingLeadId = lead.Id, MergedLeadId = other.Id, OccurredAt = now, MergedBy = actor }, now, null, lead.Id);
        return true;
    }

    /// <summary>The merged lead keeps only its evidence and a pointer: its person now lives in the survivor (one copy, one erasure).</summary>
    private static bool Retire(LeadDocument lead, Guid survivorId, string actor, DateTimeOffset now)
    {
        lead.MergedInto = survivorId;
        lead.Person = null;
        lead.Inquiry = null;
        lead.Submissions = [];
        lead.EarlyDecisions = [];
        lead.Outreach = [];
        lead.Timeline = [];
        foreach (var task in lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open)) (task.Status, task.CancelledByMerge) = (FollowUpTaskStatus.Cancelled, true);
        if (lead.PossibleSamePeople.Find(l => l.LeadId == survivorId) is { } link) (link.Status, link.DecidedBy, link.DecidedAt) = (LinkStatus.Merged, actor, now);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.MergedInto,
            Summary = $"Merged into lead {survivorId} as the same person: its submissions, consent history, timeline and outreach are there now (its evidence ledger stays here)",
            Actor = actor,
            Details = new() { ["survivingLeadId"] = survivorId.ToString() },
        });
        lead.AppendEvidence(EvidenceChain.LeadDecision(lead.Id, survivorId, "merged_into", actor, now, "submissions, consent history, timeline and outreach moved to the surviving lead; this chain stays here"));
        return true;
    }

    private Task ChangeAsync(Guid leadId, Func<LeadDocument, bool> change, CancellationToken cancellationToken) =>
        store.UpdateAsync(leadId, change, cancellationToken);
}
