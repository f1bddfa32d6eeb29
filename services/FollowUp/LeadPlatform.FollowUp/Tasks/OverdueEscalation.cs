using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Looks for open tasks past their due time whose lead no coordinator has contacted since, and escalates each once:
/// the task is marked escalated, the lead's timeline says so and <see cref="FollowUpOverdue"/> is enqueued, all in one
/// optimistic write of the lead; the warning ops alert on is logged after that write. Another instance doing the same
/// loses the write, reads the lead again and finds nothing left to escalate, so every task is escalated exactly once.
/// Time comes from <see cref="TimeProvider"/> (the wait between looks too), so tests drive it with a fake clock.
/// </summary>
public sealed class OverdueEscalation(ILeadStore store, TimeProvider time, IOptions<FollowUpOptions> options, ILogger<OverdueEscalation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Escalation;
        if (!settings.Enabled) return;
        var interval = settings.PollInterval > TimeSpan.Zero ? settings.PollInterval : TimeSpan.FromSeconds(30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EscalateOverdueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The search for overdue follow-up tasks failed; trying again in {DelayMs} ms", (long)interval.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Escalates every task overdue now (up to a batch of leads); returns how many this call escalated.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var leads = await store.FindOverdueAsync(now, Math.Max(1, options.Value.Escalation.BatchSize), cancellationToken);
        var escalated = 0;
        foreach (var lead in leads)
        {
            escalated += await EscalateAsync(lead, now, cancellationToken);
        }
        return escalated;
    }

    /// <param name="found">The lead as the search read it: the first attempt works on it (a change meanwhile reads it again).</param>
    private async Task<int> EscalateAsync(LeadDocument found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<FollowUpTask> overdue = [];
        var result = await store.UpdateAsync(found.Id, (lead, _) =>
        {
            overdue = lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open && t.EscalatedAt is null && t.DueAt <= now && !lead.WasContactedFor(t)).ToList();
            if (overdue.Count == 0)
            {
                if (lead.NextEscalationAt is not { } stale || stale > now) return false;
                // Derived before the lead was contacted (or by an older version): refresh it so the search moves on.
                lead.RefreshDueTimes();
                return true;
            }

            foreach (var task in overdue)
            {
                task.EscalatedAt = now;
                lead.Record(new TimelineEntry
                {
                    At = now,
                    Kind = TimelineKind.TaskOverdue,
                    Summary = $"Follow-up task overdue by {OverdueMinutes(task, now)} min (tier {task.Tier}, due {task.DueAt:u}, "
                              + (task.AssignedTo is null ? "unassigned)" : $"assigned to {task.AssignedTo})"),
                    QuoteRequestId = task.QuoteRequestId,
                    Details = new()
                    {
                        ["taskId"] = task.Id.ToString(),
                        ["tier"] = task.Tier,
                        ["dueAt"] = task.DueAt.ToString("O"),
                        ["assignedTo"] = task.AssignedTo ?? string.Empty,
                    },
                });
                lead.Enqueue(new FollowUpOverdue
                {
                    LeadId = lead.Id,
                    OccurredAt = now,
                    TaskId = task.Id,
                    Tier = task.Tier,
                    DueAt = task.DueAt,
                    AssigneeId = task.AssignedTo,
                }, now, task.QuoteRequestId, lead.Id);
            }

            return true;
        }, UpdateOptions<LeadDocument>.From(found), cancellationToken);
        if (!result.Updated) return 0;

        // After the write: the tasks of the attempt that landed, once.
        foreach (var task in overdue)
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["DueAt"] = task.DueAt, ["AssigneeId"] = task.AssignedTo }))
            {
                logger.LogWarning("Follow-up task {TaskId} for lead {LeadId} overdue by {OverdueMinutes} min, tier {Tier}",
                    task.Id, found.Id, OverdueMinutes(task, now), task.Tier);
            }
        }
        return overdue.Count;
    }

    private static long OverdueMinutes(FollowUpTask task, DateTimeOffset now) => (long)Math.Floor((now - task.DueAt).TotalMinutes);
}
