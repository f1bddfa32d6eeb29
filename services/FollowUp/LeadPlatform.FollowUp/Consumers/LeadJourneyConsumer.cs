using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Consumers;

/// <summary>
/// Builds each lead's follow-up view from the journey's events: the submission, the decision, and for a qualified lead
/// a task due by its tier's SLA. Events can arrive in any order and more than once; every handler checks whether it
/// already applied its event, and a concurrent change makes the bus retry the message.
/// </summary>
public sealed class LeadJourneyConsumer(ILeadStore store, TimeProvider time, SlaClock sla, RoundRobinAssigner assigner, ILogger<LeadJourneyConsumer> logger)
    : IConsumer<QuoteRequestSubmitted>, IConsumer<LeadQualified>, IConsumer<LeadDisqualified>, IConsumer<LeadOptedOut>
{
    public Task Consume(ConsumeContext<QuoteRequestSubmitted> context) => UpdateAsync(context.Message.LeadId, context, (lead, now) =>
    {
        var m = context.Message;
        if (lead.QuoteRequestIds.Contains(m.QuoteRequestId)) return false;
        lead.QuoteRequestIds.Add(m.QuoteRequestId);
        lead.Person = m.Person;
        lead.Inquiry = m.Inquiry;
        lead.Consent = m.Consent;
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = "submitted",
            Summary = $"Quote request from form {m.Source.FormId} about {m.Inquiry.Condition}",
            QuoteRequestId = m.QuoteRequestId,
            Details = new()
            {
                ["formId"] = m.Source.FormId,
                ["pageUrl"] = m.Source.PageUrl ?? string.Empty,
                ["utmSource"] = m.Source.UtmSource ?? string.Empty,
                ["utmCampaign"] = m.Source.UtmCampaign ?? string.Empty,
                ["consent"] = string.Join(", ", ConsentedChannels(m.Consent)),
            },
        });
        logger.LogInformation("Submission {QuoteRequestId} recorded on lead {LeadId}", m.QuoteRequestId, m.LeadId);
        return true;
    });

    public async Task Consume(ConsumeContext<LeadQualified> context)
    {
        var m = context.Message;
        var known = await store.GetAsync(m.LeadId, context.CancellationToken);
        if (known?.Tasks.Exists(t => t.QuoteRequestId == m.QuoteRequestId) == true)
        {
            logger.LogInformation("Event for lead {LeadId} already applied; redelivery ignored", m.LeadId);
            return;
        }

        // Before the lead's write: the same decision asked again (a retry after a conflict) gets the same coordinator.
        var assignee = await assigner.AssignAsync(m.QuoteRequestId, context.CancellationToken);
        var dueAt = StoredTime.Truncate(sla.DueAt(m.Tier, m.OccurredAt));
        await CreateTaskAsync(context, assignee, dueAt);
    }

    private Task CreateTaskAsync(ConsumeContext<LeadQualified> context, Coordinator? assignee, DateTimeOffset dueAt) => UpdateAsync(context.Message.LeadId, context, (lead, now) =>
    {
        var m = context.Message;
        if (lead.Tasks.Exists(t => t.QuoteRequestId == m.QuoteRequestId)) return false;
        var task = new FollowUpTask
        {
            Id = Ids.New(),
            QuoteRequestId = m.QuoteRequestId,
            Tier = m.Tier,
            CreatedAt = now,
            DueAt = dueAt,
            AssignedTo = assignee?.Id,
        };
        lead.Tasks.Add(task);
        lead.Tier = m.Tier;
        lead.Score = m.Score;
        if (lead.Status == LeadStatus.NotEligible) lead.Status = LeadStatus.New;
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = "qualified",
            Summary = $"Qualified: tier {m.Tier}, score {m.Score} (rule set {m.RuleSetVersion})",
            QuoteRequestId = m.QuoteRequestId,
            Details = m.Reasons.ToDictionary(r => r.Rule, r => $"{r.Points:+#;-#;0} {r.Text}"),
        });
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = "task_created",
            Summary = $"Follow-up task due {task.DueAt:u}, " + (assignee is null ? "unassigned (no coordinator on duty)" : $"assigned to {assignee.Name}"),
            QuoteRequestId = m.QuoteRequestId,
            Details = new() { ["taskId"] = task.Id.ToString(), ["tier"] = m.Tier, ["assignedTo"] = assignee?.Id ?? string.Empty },
        });
        lead.Enqueue(new FollowUpTaskCreated
        {
            LeadId = m.LeadId,
            TaskId = task.Id,
            QuoteRequestId = m.QuoteRequestId,
            OccurredAt = now,
            Tier = m.Tier,
            DueAt = task.DueAt,
            AssignedTo = task.AssignedTo,
        }, now, context.ConversationId, m.LeadId);
        logger.LogInformation("Follow-up task {TaskId} created for lead {LeadId}, tier {Tier}, due {DueAt}", task.Id, m.LeadId, m.Tier, task.DueAt);
        logger.LogInformation("Follow-up task {TaskId} for lead {LeadId} assigned to {AssigneeId}", task.Id, m.LeadId, task.AssignedTo ?? "nobody");
        return true;
    });

    public Task Consume(ConsumeContext<LeadDisqualified> context) => UpdateAsync(context.Message.LeadId, context, (lead, now) =>
    {
        var m = context.Message;
        if (lead.Timeline.Exists(e => e.Kind == "disqualified" && e.QuoteRequestId == m.QuoteRequestId)) return false;
        if (lead.Tasks.Count == 0) lead.Status = LeadStatus.NotEligible;
        lead.Record(new TimelineEntry
        {
            At = m.OccurredAt,
            Kind = "disqualified",
            Summary = "Not eligible: " + string.Join("; ", m.Reasons.Select(r => r.Text)),
            QuoteRequestId = m.QuoteRequestId,
            Details = m.Reasons.ToDictionary(r => r.Rule, r => r.Text),
        });
        logger.LogInformation("Lead {LeadId} recorded as not eligible: {Rules}", m.LeadId, m.Reasons.Select(r => r.Rule).ToArray());
        return true;
    });

    public Task Consume(ConsumeContext<LeadOptedOut> context) => UpdateAsync(context.Message.LeadId, context, (lead, now) =>
    {
        var m = context.Message;
        if (lead.OptOuts.Contains(m.Channel)) return false;
        lead.OptOuts.Add(m.Channel);
        lead.Record(new TimelineEntry { At = m.OccurredAt, Kind = "opted_out", Summary = $"Opted out of {m.Channel} ({m.Source})" });
        logger.LogInformation("Lead {LeadId} opted out of {Channel} via {OptOutSource}", m.LeadId, m.Channel, m.Source);
        return true;
    });

    private async Task UpdateAsync(Guid leadId, ConsumeContext context, Func<LeadDocument, DateTimeOffset, bool> apply)
    {
        var now = time.UtcNow();
        var existing = await store.GetAsync(leadId, context.CancellationToken);
        var lead = existing ?? LeadDocument.New(leadId, now);
        if (!apply(lead, now))
        {
            logger.LogInformation("Event for lead {LeadId} already applied; redelivery ignored", leadId);
            return;
        }
        if (existing is not null) await store.ReplaceAsync(lead, context.CancellationToken);
        else if (!await store.TryInsertAsync(lead, context.CancellationToken)) throw new ConcurrencyConflictException(store.Name, leadId, 0);
    }

    private static IEnumerable<string> ConsentedChannels(ConsentSnapshot consent)
    {
        if (consent.Email.Granted) yield return "email";
        if (consent.Sms.Granted) yield return "sms";
        if (consent.Phone.Granted) yield return "phone";
    }
}
