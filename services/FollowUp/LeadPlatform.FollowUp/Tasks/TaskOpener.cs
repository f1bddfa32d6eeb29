using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// The one way a follow-up task is opened, for a qualified lead (<see cref="Consumers.LeadJourneyConsumer"/>) and for an
/// eligibility override alike, in three steps around the lead's write: <see cref="PlanAsync"/> before it (the round-robin
/// assignee and the tier's SLA in business hours), <see cref="Open"/> inside it (pure, safe to retry: the task due in the
/// lead's contact window, "task created" on the timeline, <see cref="FollowUpTaskCreated"/> in the lead's outbox) and
/// <see cref="AlertAsync"/> after it (the assignee hears of it).
/// </summary>
public sealed class TaskOpener(TaskDueTimes due, RoundRobinAssigner assigner, StaffAlerts alerts)
{
    /// <param name="key">What the assignment is remembered by: the same key asked again gets the same coordinator.</param>
    /// <param name="from">When the SLA starts (the qualification's time, or the override's).</param>
    public async Task<TaskPlan> PlanAsync(Guid key, string tier, DateTimeOffset from, CancellationToken cancellationToken) =>
        new(key, tier, from, due.SlaDue(tier, from), await assigner.AssignAsync(key, cancellationToken));

    /// <summary>Adds the planned task to <paramref name="lead"/> with what goes with it (inside the write: logs through <paramref name="log"/>).</summary>
    public FollowUpTask Open(LeadDocument lead, TaskPlan plan, Guid quoteRequestId, DateTimeOffset now, Guid? conversationId, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var assignee = plan.Assignee;
        var task = new FollowUpTask
        {
            Id = Ids.New(),
            QuoteRequestId = quoteRequestId,
            Tier = plan.Tier,
            CreatedAt = now,
            DueAt = due.ForLead(plan.SlaDue, lead), // not at 3 a.m. the lead's time: the start of their next contact window
            AssignedTo = assignee?.Id,
            AssignedAt = assignee is null ? null : now,
        };
        lead.Tasks.Add(task);
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.TaskCreated,
            Summary = $"Follow-up task due {task.DueAt:u}, " + (assignee is null ? "unassigned (no coordinator on duty)" : $"assigned to {assignee.Name}"),
            QuoteRequestId = quoteRequestId == Guid.Empty ? null : quoteRequestId,
            Details = new() { ["taskId"] = task.Id.ToString(), ["tier"] = plan.Tier, ["assignedTo"] = assignee?.Id ?? string.Empty },
        });
        lead.Enqueue(new FollowUpTaskCreated
        {
            LeadId = lead.Id,
            TaskId = task.Id,
            QuoteRequestId = quoteRequestId,
            OccurredAt = now,
            Tier = plan.Tier,
            DueAt = task.DueAt,
            AssignedTo = task.AssignedTo,
        }, now, conversationId, lead.Id);
        log.LogInformation("Follow-up task {TaskId} created for lead {LeadId}, tier {Tier}, due {DueAt}", task.Id, lead.Id, plan.Tier, task.DueAt);
        log.LogInformation("Follow-up task {TaskId} for lead {LeadId} assigned to {AssigneeId}", task.Id, lead.Id, task.AssignedTo ?? "nobody");
        return task;
    }

    /// <summary>After the write: the assigned coordinator hears of it at once (the dashboard's alert reads the task; email or text if configured).</summary>
    public Task AlertAsync(Guid leadId, TaskPlan plan, CancellationToken cancellationToken) =>
        plan.Assignee is { } assignee ? alerts.TaskAssignedAsync(leadId, assignee, reoffered: false, cancellationToken) : Task.CompletedTask;
}
