using System.Security.Claims;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Who works which open task, beyond the round-robin of new leads: by hand (take it, hand it on, an admin assigns anyone),
/// the unassigned backlog handed out by the round-robin's rules when someone can take it (most urgent first), and a tier-A
/// lead nobody opened in time re-offered to the next coordinator on duty. Every change goes on the lead's timeline with
/// who, from whom and to whom (by name), and the new assignee is alerted.
/// <para>
/// Who may assign: an admin, anyone to anyone on the roster; a coordinator, a task to themselves (taking it, also from
/// someone else) or a task of their own to another coordinator (handing it on), and back to nobody; an API token acts for
/// the clinic's own tools and may assign anyone. Assignment by hand refuses someone unknown, disabled, not a coordinator
/// or on leave; working hours and capacity govern the automatic hand-out only (an admin may knowingly give more).
/// </para>
/// </summary>
public sealed class TaskAssignment(ILeadStore store, ICoordinatorRoster roster, RoundRobinAssigner assigner, SlaClock sla, TimeProvider time,
    Audit.LeadAccessLog accessLog, StaffAlerts alerts, IOptionsMonitor<FollowUpOptions> options, ILogger<TaskAssignment> logger)
{
    /// <summary>How many leads with open tasks a scan reads at most (the queue, the backlog, capacity counts).</summary>
    public const int OpenTaskScanLimit = 20_000;


    public async Task<(LeadDocument Lead, FollowUpTask Task)?> FindOpenTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        foreach (var lead in await store.FindWithOpenTasksAsync(OpenTaskScanLimit, cancellationToken))
        {
            if (lead.Tasks.Find(t => t.Id == taskId && t.Status == FollowUpTaskStatus.Open) is { } task) return (lead, task);
        }
        return null;
    }

    /// <summary>Assigns an open task to <paramref name="coordinator"/> (an account's email or a configured id; null or empty: nobody).</summary>
    public async Task<AssignmentResult> AssignByHandAsync(Guid taskId, string? coordinator, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        var found = await FindOpenTaskAsync(taskId, cancellationToken);
        if (found is not { } f) return new AssignmentResult(AssignmentOutcome.TaskNotFound, Problem: "There is no open task with this id.");
        var roster_ = await roster.GetCoordinatorsAsync(cancellationToken);
        Coordinator? target = null;
        if (!string.IsNullOrWhiteSpace(coordinator))
        {
            target = roster_.FirstOrDefault(c => string.Equals(c.Id, coordinator.Trim(), StringComparison.OrdinalIgnoreCase));
            if (target is null)
            {
                return new AssignmentResult(AssignmentOutcome.UnknownCoordinator, f.Lead.Id,
                    Problem: $"No active coordinator has the address '{coordinator.Trim()}': give the email of an enabled coordinator account.");
            }
            if (string.Equals(f.Task.AssignedTo, target.Id, StringComparison.OrdinalIgnoreCase))
            {
                return new AssignmentResult(AssignmentOutcome.Unchanged, f.Lead.Id, target);
            }
            if (target.IsOnLeaveAt(time.GetUtcNow()))
            {
                return new AssignmentResult(AssignmentOutcome.InactiveCoordinator, f.Lead.Id, target, $"{target.Name} is on leave: choose someone else.");
            }
        }

        var me = Dashboard.DashboardQueries.Identities(by);
        var isAdmin = by.IsInRole(Roles.Admin) || by.Identity?.AuthenticationType == ApiTokenHandler.SchemeName;
        var mine = f.Task.AssignedTo is { } current && me.Contains(current);
        var toMe = target is not null && me.Contains(target.Id);
        if (!isAdmin && !(by.IsInRole(Roles.Coordinator) && (toMe || mine)))
        {
            return new AssignmentResult(AssignmentOutcome.Forbidden, f.Lead.Id, target,
                "A coordinator can take a task or hand on one of their own; only an admin assigns other people's tasks.");
        }

        var byName = Actor.For(by);
        var changed = await ReassignAsync(f.Lead.Id, taskId, target, byName, TimelineKind.TaskAssigned, reoffered: false, cancellationToken);
        if (changed is null) return new AssignmentResult(AssignmentOutcome.TaskNotFound, Problem: "There is no open task with this id.");
        if (changed == false) return new AssignmentResult(AssignmentOutcome.Unchanged, f.Lead.Id, target);
        if (target is not null) await alerts.TaskAssignedAsync(f.Lead.Id, target, reoffered: false, cancellationToken);
        return new AssignmentResult(AssignmentOutcome.Assigned, f.Lead.Id, target);
    }

    /// <summary>
    /// Hands the unassigned open tasks out, the most urgent first, by the round-robin's rules (on duty, on shift, not on
    /// leave, below capacity), until nobody can take more. Returns how many were assigned.
    /// </summary>
    public async Task<int> HandOutBacklogAsync(CancellationToken cancellationToken)
    {
        var coordinators = await roster.GetCoordinatorsAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!coordinators.Any(c => c.WhyUnavailable(now, sla.TimeZone, 0) is null)) return 0; // nobody on shift: nothing to do (quietly)
        // Only the leads with unassigned work (an indexed due time), not every lead with an open task: each lead read is unsealed.
        var backlog = (await store.FindWithUnassignedTasksAsync(OpenTaskScanLimit, cancellationToken))
            .SelectMany(l => l.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open && t.AssignedTo is null).Select(t => (LeadId: l.Id, Task: t)))
            .OrderBy(x => x.Task.DueAt).ThenBy(x => x.Task.Tier, StringComparer.Ordinal)
            .ToList();
        var assigned = 0;
        // Counted once for the whole hand-out, each assignment added as it is made (a count per task read every open lead per task).
        var openTasks = backlog.Count == 0 ? null : await assigner.OpenTasksAsync(coordinators, cancellationToken);
        foreach (var (leadId, task) in backlog)
        {
            var next = await assigner.AssignAsync(task.Id, cancellationToken, openTasks: openTasks);
            if (next is null) break; // everyone is at capacity (or went off shift)
            if (await ReassignAsync(leadId, task.Id, next, "backlog hand-out", TimelineKind.TaskAssigned, reoffered: false, cancellationToken, onlyIfUnassigned: true) == true)
            {
                if (openTasks is not null) openTasks[next.Id] = openTasks.GetValueOrDefault(next.Id) + 1;
                assigned++;
                await alerts.TaskAssignedAsync(leadId, next, reoffered: false, cancellationToken);
            }
        }
        if (assigned > 0) logger.LogInformation("Handed out {AssignedCount} of {BacklogCount} unassigned follow-up tasks", assigned, backlog.Count);
        return assigned;
    }

    /// <summary>
    /// Tier-A tasks whose coordinator has not opened the lead within <see cref="AssignmentOptions.ReofferTierAAfter"/> of the
    /// assignment (and nobody contacted it) go, once, to the next coordinator on duty; the admin sees them on the queue page.
    /// </summary>
    public async Task<int> ReofferUnopenedTierAAsync(CancellationToken cancellationToken)
    {
        var after = options.CurrentValue.Assignment.ReofferTierAAfter;
        if (after <= TimeSpan.Zero) return 0;
        var now = time.GetUtcNow();
        // Only the leads whose tier-A task was assigned long enough ago (an indexed time derived from the tasks), not every
        // lead with an open task: each lead read is unsealed, and most have no such task.
        var candidates = await store.FindTierAAssignedBeforeAsync(now - after, OpenTaskScanLimit, cancellationToken);
        var stale = candidates
            .SelectMany(l => l.Tasks.Where(t => l.IsUnopenedTierACandidate(t) && (t.AssignedAt ?? t.CreatedAt) + after <= now)
                .Select(t => (Lead: l, Task: t)))
            .OrderBy(x => x.Task.DueAt)
            .ToList();
        // A lead whose stored time is out of date (contacted since, say) would be read again on every check: derive it again.
        foreach (var lead in candidates.Where(l => !stale.Exists(x => x.Lead.Id == l.Id)))
        {
            await RefreshDueTimesAsync(lead, cancellationToken);
        }
        var reoffered = 0;
        foreach (var (lead, task) in stale)
        {
            var since = task.AssignedAt ?? task.CreatedAt;
            var opened = (await accessLog.ForLeadAsync(lead.Id, 100, cancellationToken))
                .Any(r => r.What == Audit.LeadAccessKinds.LeadPage && r.At >= since);
            if (opened) continue;
            var next = await assigner.AssignAsync(ReofferKey(task.Id), cancellationToken, except: task.AssignedTo);
            if (await ReassignAsync(lead.Id, task.Id, next, "re-offer", TimelineKind.TaskReoffered, reoffered: true, cancellationToken) != true) continue;
            reoffered++;
            logger.LogWarning("Tier-A follow-up task {TaskId} of lead {LeadId} was not opened within {ReofferMinutes} min: re-offered to {AssigneeId}",
                task.Id, lead.Id, (long)after.TotalMinutes, next?.Id ?? "nobody (no other coordinator available)");
            if (next is not null) await alerts.TaskAssignedAsync(lead.Id, next, reoffered: true, cancellationToken);
        }
        return reoffered;
    }

    /// <summary>
    /// Derives the due times of the leads an older version wrote (without the backlog's and the re-offer's times), in
    /// batches, so that the checks' indexed searches find them; returns how many were written. Reads only their ids to find them.
    /// </summary>
    public async Task<int> RefreshStaleDueTimesAsync(CancellationToken cancellationToken)
    {
        var refreshed = 0;
        while (true)
        {
            var ids = await store.FindWithStaleDueTimesAsync(StaleDueTimesBatch, cancellationToken);
            var progressed = 0;
            foreach (var id in ids)
            {
                var result = await store.UpdateAsync(id, (lead, _) =>
                {
                    if (lead.DueTimesVersion >= LeadDocument.CurrentDueTimesVersion) return false;
                    lead.RefreshDueTimes();
                    return true;
                }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
                if (result.Updated) progressed++;
            }
            refreshed += progressed;
            if (ids.Count < StaleDueTimesBatch || progressed == 0)
            {
                if (refreshed > 0) logger.LogInformation("Derived the assignment due times of {LeadCount} leads written by an older version", refreshed);
                return refreshed;
            }
        }
    }

    private const int StaleDueTimesBatch = 200;

    private async Task RefreshDueTimesAsync(LeadDocument found, CancellationToken cancellationToken) =>
        await store.UpdateAsync(found.Id, (lead, _) =>
        {
            var before = lead.TierAAssignedSince;
            lead.RefreshDueTimes();
            return lead.TierAAssignedSince != before;
        }, UpdateOptions<LeadDocument>.From(found), cancellationToken);

    private static Guid ReofferKey(Guid taskId)
    {
        var bytes = taskId.ToByteArray();
        bytes[0] ^= 0xA5;
        return new Guid(bytes);
    }

    /// <summary>True: changed; false: already so (or no longer unassigned); null: the task is gone or closed.</summary>
    private async Task<bool?> ReassignAsync(Guid leadId, Guid taskId, Coordinator? to, string by, TimelineKind kind, bool reoffered, CancellationToken cancellationToken,
        bool onlyIfUnassigned = false)
    {
        var names = (await roster.GetCoordinatorsAsync(cancellationToken)).GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        string NameOf(string? id) => id is null ? "nobody" : names.GetValueOrDefault(id, id);
        bool? outcome = null;
        await store.UpdateAsync(leadId, (lead, log) =>
        {
            var task = lead.Tasks.Find(t => t.Id == taskId && t.Status == FollowUpTaskStatus.Open);
            outcome = task is null ? null : false;
            if (task is null) return false;
            if (onlyIfUnassigned && task.AssignedTo is not null) return false;
            // Two checks at once (two replicas, or the watch and an admin's click) re-offer a task once: the second finds it done.
            if (reoffered && task.ReofferedAt is not null) return false;
            if (!reoffered && string.Equals(task.AssignedTo, to?.Id, StringComparison.OrdinalIgnoreCase)) return false;
            var now = LeadPlatform.Storage.StoredTime.Truncate(time.GetUtcNow());
            var from = task.AssignedTo;
            task.AssignedTo = to?.Id ?? (reoffered ? from : null);
            task.AssignedAt = now;
            if (reoffered)
            {
                task.ReofferedAt = now;
                task.ReofferedFrom = from;
            }
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = kind,
                Actor = by,
                Summary = reoffered
                    ? (to is null
                        ? $"Tier-A lead not opened in time by {NameOf(from)}; no other coordinator is on duty to take it"
                        : $"Tier-A lead not opened in time by {NameOf(from)}: re-offered to {to.Name}")
                    : $"Task assigned to {(to is null ? "nobody" : to.Name)} (was {(from is null ? "unassigned" : NameOf(from))})",
                QuoteRequestId = task.QuoteRequestId,
                Details = new()
                {
                    ["taskId"] = task.Id.ToString(), ["assignedTo"] = task.AssignedTo ?? string.Empty, ["from"] = from ?? string.Empty,
                },
            });
            log.LogInformation("Follow-up task {TaskId} of lead {LeadId} assigned to {AssigneeId} ({AssignmentKind})", task.Id, lead.Id, task.AssignedTo ?? "nobody", kind.Name());
            outcome = true;
            return true;
        }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
        return outcome;
    }
}
