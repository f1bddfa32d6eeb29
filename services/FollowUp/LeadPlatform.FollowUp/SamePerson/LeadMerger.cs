using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Storage;
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
    private const int Attempts = 5;

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
            Kind = "kept_apart",
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
        var hasOpenTask = lead.Tasks.Exists(t => t.Status == "open");
        foreach (var task in other.Tasks.Where(t => !lead.Tasks.Exists(x => x.Id == t.Id)))
        {
            // One open task at a time: the survivor's open task stands for both.
            if (task.Status == "open" && hasOpenTask) task.Status = "cancelled";
            hasOpenTask |= task.Status == "open";
            lead.Tasks.Add(task);
        }
        lead.Outreach.AddRange(other.Outreach.Where(o => !lead.Outreach.Exists(x => x.Id == o.Id)));
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
            Kind = "merged",
            Summary = $"Merged with lead {other.Id} as the same person: {submissions.Count} submission(s), its consent history, timeline, tasks and outreach are here now; "
                + (gained.Count == 0 ? "no opt-out added" : $"its opt-outs kept ({string.Join(", ", gained)})") + "; contact details and consent on file unchanged",
            Actor = actor,
            Details = new() { ["mergedLeadId"] = other.Id.ToString(), ["submissions"] = submissions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
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
        lead.Outreach = [];
        lead.Timeline = [];
        foreach (var task in lead.Tasks.Where(t => t.Status == "open")) task.Status = "cancelled";
        if (lead.PossibleSamePeople.Find(l => l.LeadId == survivorId) is { } link) (link.Status, link.DecidedBy, link.DecidedAt) = (LinkStatus.Merged, actor, now);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = "merged_into",
            Summary = $"Merged into lead {survivorId} as the same person: its submissions, consent history, timeline and outreach are there now (its evidence ledger stays here)",
            Actor = actor,
            Details = new() { ["survivingLeadId"] = survivorId.ToString() },
        });
        return true;
    }

    private async Task ChangeAsync(Guid leadId, Func<LeadDocument, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lead = await store.GetAsync(leadId, cancellationToken);
            if (lead is null || !change(lead)) return;
            try
            {
                await store.ReplaceAsync(lead, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // A consumer or another coordinator changed the lead meanwhile: redo on a fresh read.
            }
        }
    }
}
