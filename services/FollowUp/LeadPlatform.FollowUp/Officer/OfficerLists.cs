using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// The compliance officer's lists across leads for a period, read from the leads active in it: blocked and held
/// attempts (with counts by coordinator, rule and language), reviews and their decisions, status changes and
/// eligibility overrides, outreach to leads under 18, and opt-outs with the time from request to honoured.
/// </summary>
internal sealed class OfficerLists(ILeadStore store, IReviewStore reviews)
{
    public async Task<OfficerWorkspace> BuildAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var leads = await store.FindActiveBetweenAsync(period.From, period.To, EvidenceLedger.MaxLeads, cancellationToken);
        bool In(DateTimeOffset at) => at >= period.From && at <= period.To;

        var withheld = new List<WithheldAttempt>();
        var changes = new List<ChangeLine>();
        var minors = new List<MinorOutreachLine>();
        var optOuts = new List<OptOutLine>();
        var evidenceCount = 0;
        var broken = 0;
        foreach (var lead in leads)
        {
            var reference = LeadReference.Of(lead.Id);
            if (!EvidenceChain.Verify(lead.Evidence).IsIntact) broken++;
            foreach (var r in lead.Evidence.Where(r => In(r.DecidedAt)))
            {
                evidenceCount++;
                if (r.Decision == "cleared") continue;
                var draft = lead.WithheldDrafts.Find(d => d.EvidenceId == r.EvidenceId);
                withheld.Add(new WithheldAttempt(r.DecidedAt, lead.Id, reference, r.Channel, r.Decision, r.Author,
                    [.. (r.RuleResults ?? []).Where(x => x.Outcome == "failed").Select(x => x.Rule).Distinct()],
                    draft?.Language ?? lead.Person?.Language ?? "unknown"));
            }
            foreach (var e in lead.Timeline.Where(e => In(e.At)))
            {
                if (e.Kind == TimelineKind.StatusChanged)
                    changes.Add(new ChangeLine(e.At, lead.Id, reference, "Status changed", e.Actor,
                        $"{e.Details.GetValueOrDefault("from") ?? "?"} → {e.Details.GetValueOrDefault("to") ?? "?"}"));
                else if (e.Kind == TimelineKind.EligibilityOverridden)
                    changes.Add(new ChangeLine(e.At, lead.Id, reference, "Eligibility overridden", e.Actor, e.Details.GetValueOrDefault("reason") ?? string.Empty));
                else if (e.Kind == TimelineKind.OptedOut)
                    optOuts.Add(OptOut(lead, reference, e));
            }
            if (lead.Person is { } person)
            {
                foreach (var o in lead.Outreach.Where(o => o.Status == OutreachStatus.Sent && o.SentAt is { } at && In(at)))
                {
                    if (LeadAge.IsMinor(person.DateOfBirth, person.Age, lead.CreatedAt, o.SentAt!.Value) == true)
                        minors.Add(new MinorOutreachLine(o.SentAt.Value, lead.Id, reference, o.Channel, o.Kind, o.ReadConfirmedBy ?? o.Author, o.EvidenceId));
                }
            }
        }

        var references = leads.ToDictionary(l => l.Id, l => LeadReference.Of(l.Id));
        var reviewLines = (await reviews.ListAsync(null, 5_000, cancellationToken))
            .Where(r => In(r.CreatedAt) || (r.DecidedAt is { } d && In(d)))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new ReviewLine(r.CreatedAt, r.Id, r.LeadId, references.GetValueOrDefault(r.LeadId) ?? LeadReference.Of(r.LeadId), r.Channel, r.Author,
                r.Status, r.DecidedBy, r.DecidedAt, r.Reason))
            .ToList();

        return new OfficerWorkspace(period, evidenceCount, broken, [.. withheld.OrderBy(w => w.At)],
            Count(withheld.Select(w => w.Author)), Count(withheld.SelectMany(w => w.Rules)), Count(withheld.Select(w => w.Language)),
            reviewLines, [.. changes.OrderBy(c => c.At)], [.. minors.OrderBy(m => m.At)], [.. optOuts.OrderBy(o => o.RequestedAt)],
            leads.Count >= EvidenceLedger.MaxLeads);
    }

    private static List<(string, int)> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];

    /// <summary>
    /// A STOP reply is asked for when the text arrived (the <c>sms_received</c> entry just before); a link or a
    /// coordinator's opt-out when it was recorded. Honoured: when follow-up recorded it (from then on the gate blocks).
    /// </summary>
    private static OptOutLine OptOut(LeadDocument lead, string reference, TimelineEntry e)
    {
        var source = e.Details.GetValueOrDefault("source") ?? "unknown";
        var channel = e.Details.GetValueOrDefault("channel") ?? "all";
        var requested = e.At;
        if (source.Contains("sms", StringComparison.OrdinalIgnoreCase)
            && lead.Timeline.Where(x => x.Kind == TimelineKind.SmsReceived && x.At <= e.At).Select(x => (DateTimeOffset?)x.At).Max() is { } received
            && e.At - received < TimeSpan.FromDays(1))
        {
            requested = received;
        }
        var sentAfter = lead.Outreach.Count(o => o.Status == OutreachStatus.Sent && o.SentAt > e.At && (channel == "all" || o.Channel == channel));
        return new OptOutLine(requested, e.At, lead.Id, reference, channel, source, sentAfter);
    }
}
