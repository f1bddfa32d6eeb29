using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Consumers;

/// <summary>
/// Builds each lead's follow-up view from the journey's events: the submission, the decision, and for a qualified lead
/// a task due by its tier's SLA (one open task at a time). Events for a lead merged into another go to the surviving
/// lead. Events can arrive in any order and more than once; every handler checks whether it
/// already applied its event, and a concurrent change makes the write apply it again on a fresh read.
/// </summary>
public sealed class LeadJourneyConsumer(ILeadStore store, TimeProvider time, TaskOpener tasks, ILogger<LeadJourneyConsumer> logger)
    : IConsumer<QuoteRequestSubmitted>, IConsumer<LeadQualified>, IConsumer<LeadDisqualified>, IConsumer<LeadOptedOut>
{
    /// <summary>
    /// A submission joins its lead beside the earlier ones. The contact details, inquiry and consent on file are the first
    /// submission's: a repeat never replaces them (its consent goes into the consent history), and no submission reverses
    /// an opt-out. A submission that may be someone else's lead's person is linked to that lead, both ways.
    /// </summary>
    public async Task Consume(ConsumeContext<QuoteRequestSubmitted> context)
    {
        var m = context.Message;
        // The lead as it is now is written back from this read (no second read of it for the write): a change meanwhile
        // fails the write's version check, and the change is applied again on a fresh read.
        var current = await store.GetCurrentAsync(m.LeadId, context.CancellationToken);
        var leadId = current?.Id ?? m.LeadId;
        var others = new List<(PossibleSameLead Link, LeadDocument? Other)>();
        foreach (var possible in m.PossibleSameLeads ?? [])
        {
            var other = await store.GetCurrentAsync(possible.LeadId, context.CancellationToken);
            if (other?.Id != leadId) others.Add((possible, other));
        }

        await UpdateHeldAsync(leadId, current, context, (lead, now, log) =>
        {
            if (lead.QuoteRequestIds.Contains(m.QuoteRequestId)) return false;
            lead.QuoteRequestIds.Add(m.QuoteRequestId);
            var repeat = m.Repeat || lead.Submissions.Count > 0;
            // The earliest submission's details are on file, whatever order the events arrive in.
            var onFile = lead.ErasedAt is null && (lead.Person is null || lead.Submissions.TrueForAll(s => s.ReceivedAt > m.OccurredAt));
            if (lead.ErasedAt is null) // an erased lead gets no personal data again
            {
                var submission = new SubmissionRecord
                {
                    QuoteRequestId = m.QuoteRequestId, ReceivedAt = m.OccurredAt, LeadId = m.LeadId, Repeat = repeat,
                    Person = m.Person, Inquiry = m.Inquiry, Consent = m.Consent, Source = m.Source,
                };
                lead.ApplyEarlyDecision(submission);
                lead.Submissions.Add(submission);
                lead.Submissions.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
            }
            if (onFile) (lead.Person, lead.Inquiry, lead.Consent) = (m.Person, m.Inquiry, m.Consent);
            else lead.Consent ??= m.Consent;
            lead.AppendConsent(m.Consent, m.OccurredAt, "submission", m.QuoteRequestId, m.LeadId, onFile);
            lead.Record(new TimelineEntry
            {
                At = m.OccurredAt,
                Kind = TimelineKind.Submitted,
                Summary = (repeat ? "Repeat submission" : "Quote request") + $" from form {m.Source.FormId} about {m.Inquiry.Condition}"
                    + (repeat && !onFile ? " (kept beside the first; contact details and consent on file unchanged)" : string.Empty),
                QuoteRequestId = m.QuoteRequestId,
                Details = new()
                {
                    ["formId"] = m.Source.FormId,
                    ["pageUrl"] = m.Source.PageUrl ?? string.Empty,
                    ["utmSource"] = m.Source.UtmSource ?? string.Empty,
                    ["utmCampaign"] = m.Source.UtmCampaign ?? string.Empty,
                    ["consent"] = string.Join(", ", ConsentedChannels(m.Consent)),
                    ["repeat"] = repeat ? "yes" : string.Empty,
                },
            });
            foreach (var (link, other) in others)
            {
                lead.LinkPossibleSamePerson(other?.Id ?? link.LeadId, link.Matched, m.OccurredAt);
                if (other is not null) InheritOptOuts(lead, other, link.Matched, now, context.ConversationId, log);
            }
            log.LogInformation("Submission {QuoteRequestId} recorded on lead {LeadId}", m.QuoteRequestId, leadId);
            if (repeat || others.Count > 0)
                log.LogInformation("Submission {QuoteRequestId} on lead {LeadId}: repeat {Repeat}, {LinkCount} possible same person link(s)",
                    m.QuoteRequestId, leadId, repeat, others.Count);
            return true;
        });

        // The other side of each link: the other lead shows it too (nothing else of this person goes there).
        foreach (var (link, other) in others)
        {
            var otherId = other?.Id ?? link.LeadId;
            await UpdateAsync(otherId, context, (lead, _, _) => lead.LinkPossibleSamePerson(leadId, link.Matched, m.OccurredAt));
        }
    }

    /// <summary>
    /// An opt-out stays with the address or number it was given for: a new lead sharing the phone of a lead that opted out
    /// of texts or calls is opted out of them too (and of email, for a shared email), until the person opts in again
    /// through the channel itself.
    /// </summary>
    private static void InheritOptOuts(LeadDocument lead, LeadDocument other, IReadOnlyList<string> matched, DateTimeOffset now, Guid? conversationId, ILogger log)
    {
        var all = other.OptOuts.Contains("all");
        var channels = new List<string>();
        if (matched.Contains("phone")) channels.AddRange(new[] { "sms", "phone" }.Where(c => all || other.OptOuts.Contains(c)));
        if (matched.Contains("email") && (all || other.OptOuts.Contains("email"))) channels.Add("email");
        foreach (var channel in channels.Where(c => !lead.OptOuts.Contains(c) && !lead.OptOuts.Contains("all")))
        {
            lead.OptOuts.Add(channel);
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.OptedOut,
                Summary = $"Opted out of {channel}: the same {(channel == "email" ? "email address" : "phone number")} opted out on a possibly related lead",
                Details = new() { ["channel"] = channel, ["source"] = "same_contact_opted_out", ["otherLeadId"] = other.Id.ToString() },
            });
            lead.Enqueue(new LeadOptedOut { LeadId = lead.Id, OccurredAt = now, Channel = channel, Source = "same_contact_opted_out" }, now, conversationId, lead.Id);
            log.LogInformation("Lead {LeadId} opted out of {Channel}: its contact opted out on lead {OtherLeadId}", lead.Id, channel, other.Id);
        }
    }

    public async Task Consume(ConsumeContext<LeadQualified> context)
    {
        var m = context.Message;
        var known = await store.GetCurrentAsync(m.LeadId, context.CancellationToken);
        if (known?.Tasks.Exists(t => t.QuoteRequestId == m.QuoteRequestId) == true || known?.Timeline.Exists(e => e.Kind == TimelineKind.Qualified && e.QuoteRequestId == m.QuoteRequestId) == true)
        {
            logger.LogInformation("Event for lead {LeadId} already applied; redelivery ignored", m.LeadId);
            return;
        }
        var leadId = known?.Id ?? m.LeadId;

        // A person coming back while a task is open gets no second task: the decision goes beside the submission.
        if (known?.Tasks.Exists(t => t.Status == FollowUpTaskStatus.Open) == true)
        {
            await RecordRepeatDecisionAsync(context, leadId, known);
            return;
        }

        // Before the lead's write: the same decision asked again (a retry after a conflict) gets the same coordinator, and the
        // tier's SLA in the clinic's business hours (moved into the lead's contact window inside the write, which is pure).
        var plan = await tasks.PlanAsync(m.QuoteRequestId, m.Tier, m.OccurredAt, context.CancellationToken);
        await CreateTaskAsync(context, leadId, known, plan);
        await tasks.AlertAsync(leadId, plan, context.CancellationToken);
    }

    private Task RecordRepeatDecisionAsync(ConsumeContext<LeadQualified> context, Guid leadId, LeadDocument known) =>
        UpdateHeldAsync(leadId, known, context, (lead, _, log) => RecordRepeatDecision(lead, context.Message, log));

    private static bool RecordRepeatDecision(LeadDocument lead, LeadQualified m, ILogger log)
    {
        if (lead.Timeline.Exists(e => e.Kind == TimelineKind.Qualified && e.QuoteRequestId == m.QuoteRequestId)) return false;
        ApplyDecision(lead, m);
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = TimelineKind.Qualified,
            Summary = $"Qualified: tier {m.Tier}, score {m.Score} (rule set {m.RuleSetVersion}); no second task: one is already open",
            QuoteRequestId = m.QuoteRequestId,
            Details = m.Reasons.ToDictionary(r => r.Rule, r => $"{r.Points:+#;-#;0} {r.Text}"),
        });
        log.LogInformation("Lead {LeadId} qualified again ({QuoteRequestId}): a task is already open, none created", lead.Id, m.QuoteRequestId);
        return true;
    }

    /// <summary>The submission keeps its own decision; the lead shows its best tier (a repeat never lowers it).</summary>
    private static void ApplyDecision(LeadDocument lead, LeadQualified m)
    {
        lead.RecordDecision(m.QuoteRequestId, "qualified", m.Tier, m.Score);
        if (lead.Tier is null || string.CompareOrdinal(m.Tier, lead.Tier) <= 0)
        {
            (lead.Tier, lead.Score) = (m.Tier, m.Score);
            lead.Flags = [.. m.Flags];
        }
    }

    private Task CreateTaskAsync(ConsumeContext<LeadQualified> context, Guid leadId, LeadDocument? known, TaskPlan plan) =>
        UpdateHeldAsync(leadId, known, context, (lead, now, log) =>
    {
        var m = context.Message;
        if (lead.Tasks.Exists(t => t.QuoteRequestId == m.QuoteRequestId)) return false;
        if (lead.Tasks.Exists(t => t.Status == FollowUpTaskStatus.Open)) return RecordRepeatDecision(lead, m, log); // another submission's task opened meanwhile
        ApplyDecision(lead, m);
        if (lead.Status == LeadStatus.NotEligible) lead.Status = LeadStatus.New;
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = TimelineKind.Qualified,
            Summary = $"Qualified: tier {m.Tier}, score {m.Score} (rule set {m.RuleSetVersion})",
            QuoteRequestId = m.QuoteRequestId,
            Details = m.Reasons.ToDictionary(r => r.Rule, r => $"{r.Points:+#;-#;0} {r.Text}"),
        });
        tasks.Open(lead, plan, m.QuoteRequestId, now, context.ConversationId, log);
        return true;
    });

    public Task Consume(ConsumeContext<LeadDisqualified> context) => UpdateCurrentAsync(context.Message.LeadId, context, (lead, now, log) =>
    {
        var m = context.Message;
        if (lead.Timeline.Exists(e => e.Kind == TimelineKind.Disqualified && e.QuoteRequestId == m.QuoteRequestId)) return false;
        lead.RecordDecision(m.QuoteRequestId, "not_eligible");
        if (lead.Tasks.Count == 0) lead.Status = LeadStatus.NotEligible;
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = TimelineKind.Disqualified,
            Summary = "Not eligible: " + string.Join("; ", m.Reasons.Select(r => r.Text)),
            QuoteRequestId = m.QuoteRequestId,
            Details = m.Reasons.ToDictionary(r => r.Rule, r => r.Text),
        });
        log.LogInformation("Lead {LeadId} recorded as not eligible: {Rules}", m.LeadId, m.Reasons.Select(r => r.Rule).ToArray());
        return true;
    });

    public Task Consume(ConsumeContext<LeadOptedOut> context) => UpdateCurrentAsync(context.Message.LeadId, context, (lead, now, log) =>
    {
        var m = context.Message;
        if (lead.OptOuts.Contains(m.Channel)) return false;
        // Follow-up announces its own opt-outs and hears them back; one that arrives after the person opted in again
        // (a START reply) is older than that opt-in and must not bring the opt-out of texts back.
        if (m.Channel is "sms" or "all" && lead.ConsentHistory.Exists(c => c.Channel == "sms" && c.Source == "sms_reply" && c.Granted && c.At >= m.OccurredAt))
        {
            if (m.Channel == "sms") return false;
            var others = new[] { "email", "phone" }.Except(lead.OptOuts).ToList();
            lead.OptOuts.AddRange(others);
            return others.Count > 0;
        }
        lead.OptOuts.Add(m.Channel);
        lead.Record(new TimelineEntry { At = m.OccurredAt, Kind = TimelineKind.OptedOut, Summary = $"Opted out of {m.Channel} ({m.Source})" });
        log.LogInformation("Lead {LeadId} opted out of {Channel} via {OptOutSource}", m.LeadId, m.Channel, m.Source);
        return true;
    });

    /// <summary>The change applied to the lead that holds <paramref name="leadId"/>'s person now (itself unless merged), from one read.</summary>
    private async Task UpdateCurrentAsync(Guid leadId, ConsumeContext context, Func<LeadDocument, DateTimeOffset, ILogger, bool> apply)
    {
        var current = await store.GetCurrentAsync(leadId, context.CancellationToken);
        await UpdateHeldAsync(current?.Id ?? leadId, current, context, apply);
    }

    private async Task UpdateAsync(Guid leadId, ConsumeContext context, Func<LeadDocument, DateTimeOffset, ILogger, bool> apply) =>
        await UpdateHeldAsync(leadId, await store.GetAsync(leadId, context.CancellationToken), context, apply);

    /// <summary>
    /// Applies the change to <paramref name="existing"/>, the lead <paramref name="leadId"/> as this message read it
    /// (null: not there, so it is created), and writes it with the version check through <see cref="DocumentUpdates"/>: no
    /// second read of a document already held; a change meanwhile makes it read the lead again and apply the change anew.
    /// What the change logs is logged once, after its write.
    /// </summary>
    private async Task UpdateHeldAsync(Guid leadId, LeadDocument? existing, ConsumeContext context, Func<LeadDocument, DateTimeOffset, ILogger, bool> apply)
    {
        var now = time.UtcNow();
        var result = await store.UpdateAsync(leadId, (lead, log) => apply(lead, now, log), new UpdateOptions<LeadDocument>
        {
            Held = existing,
            HeldMissing = existing is null,
            Create = () => LeadDocument.New(leadId, now),
            Logger = logger,
        }, context.CancellationToken);
        if (result.Outcome == UpdateOutcome.Unchanged) logger.LogInformation("Event for lead {LeadId} already applied; redelivery ignored", leadId);
    }

    private static IEnumerable<string> ConsentedChannels(ConsentSnapshot consent)
    {
        if (consent.Email.Granted) yield return "email";
        if (consent.Sms.Granted) yield return "sms";
        if (consent.Phone.Granted) yield return "phone";
    }
}
