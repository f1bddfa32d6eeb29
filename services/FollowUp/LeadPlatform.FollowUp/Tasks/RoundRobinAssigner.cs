using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Assigns new tasks round-robin among the roster's coordinators who can take one now — on duty, not on leave, within
/// their working hours (the clinic's time zone) and below their capacity of open tasks — in roster order, starting after
/// whoever was assigned last. The round's place is stored (<see cref="AssignmentCursor"/>): it survives a
/// restart, concurrent consumers take turns through optimistic concurrency, and asking again for the same key (a
/// redelivered decision) gives the same coordinator without moving the round on.
/// </summary>
public sealed class RoundRobinAssigner(ICoordinatorRoster roster, IAssignmentStore store, ILeadStore? leads, SlaClock? sla, TimeProvider time, ILogger<RoundRobinAssigner> logger)
{
    /// <summary>Without the leads (no capacity counts) and in UTC (working hours read in UTC): for a roster on its own.</summary>
    public RoundRobinAssigner(ICoordinatorRoster roster, IAssignmentStore store, TimeProvider time, ILogger<RoundRobinAssigner> logger)
        : this(roster, store, null, null, time, logger)
    {
    }

    /// <summary>The coordinator for the task with this key, or null when nobody is available (the task stays unassigned).</summary>
    /// <param name="except">Someone not to give it to (a re-offer goes to the next coordinator, not back).</param>
    /// <param name="openTasks">
    /// The open tasks per assignee as the caller counted them (<see cref="OpenTasksAsync"/>), for a caller handing out many
    /// tasks in a row: it counts once and adds each assignment it makes, instead of a count over the open leads per task.
    /// </param>
    public async Task<Coordinator?> AssignAsync(Guid key, CancellationToken cancellationToken, string? except = null, Dictionary<string, int>? openTasks = null)
    {
        var coordinators = await roster.GetCoordinatorsAsync(cancellationToken);
        // Capacity needs the open tasks per coordinator: counted only when someone has a limit.
        var load = openTasks ?? await OpenTasksAsync(coordinators, cancellationToken);
        // Another consumer taking a turn meanwhile makes the write conflict: the round is read again (after a short random
        // pause, so that a crowd of contenders, a burst of decisions committed together, spreads out instead of colliding again).
        Coordinator? assigned = null;
        await store.UpdateAsync(AssignmentCursor.RoundRobinId, (cursor, log) =>
        {
            assigned = null;
            if (cursor.Recent.Find(m => m.Key == key) is { } memo)
            {
                assigned = coordinators.FirstOrDefault(c => c.Id == memo.AssigneeId) ?? new Coordinator(memo.AssigneeId, memo.AssigneeId, false, null);
                return false;
            }

            if (coordinators.Count == 0) return false; // no roster configured: tasks are not assigned (said once at start-up)
            var now = time.GetUtcNow();
            var next = Next(coordinators, cursor.LastAssigneeId,
                c => !string.Equals(c.Id, except, StringComparison.OrdinalIgnoreCase) && c.WhyUnavailable(now, sla?.TimeZone ?? TimeZoneInfo.Utc, load.GetValueOrDefault(c.Id)) is null);
            if (next is null)
            {
                log.LogWarning("No coordinator available (on duty, on shift, not on leave, below capacity) among {CoordinatorCount} on the roster: the task stays unassigned", coordinators.Count);
                return false;
            }

            cursor.LastAssigneeId = next.Id;
            cursor.Assignments++;
            cursor.Recent.Add(new AssignmentMemo { Key = key, AssigneeId = next.Id });
            if (cursor.Recent.Count > AssignmentCursor.RememberedAssignments) cursor.Recent.RemoveRange(0, cursor.Recent.Count - AssignmentCursor.RememberedAssignments);
            assigned = next;
            return true;
        }, new UpdateOptions<AssignmentCursor> { Create = () => new AssignmentCursor(), Logger = logger }, cancellationToken);
        return assigned;
    }

    /// <summary>The first available coordinator after <paramref name="lastId"/> in roster order (from the top if they are gone).</summary>
    public static Coordinator? Next(IReadOnlyList<Coordinator> coordinators, string? lastId, DateTimeOffset now) =>
        Next(coordinators, lastId, c => c.IsAvailableAt(now));

    /// <summary>The first coordinator after <paramref name="lastId"/> in roster order who is <paramref name="available"/>.</summary>
    public static Coordinator? Next(IReadOnlyList<Coordinator> coordinators, string? lastId, Func<Coordinator, bool> available)
    {
        var last = -1;
        for (var i = 0; i < coordinators.Count; i++)
        {
            if (coordinators[i].Id == lastId) last = i;
        }
        for (var step = 1; step <= coordinators.Count; step++)
        {
            var candidate = coordinators[(last + step) % coordinators.Count];
            if (available(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// How many open tasks each assignee holds now (by assignee id, case-insensitive), counted by the store from the tasks
    /// alone (<see cref="ILeadStore.CountOpenTasksByAssigneeAsync"/>); empty when nobody on <paramref name="coordinators"/>
    /// has a capacity (or there are no leads to count).
    /// </summary>
    public async Task<Dictionary<string, int>> OpenTasksAsync(IReadOnlyList<Coordinator> coordinators, CancellationToken cancellationToken) =>
        leads is not null && coordinators.Any(c => c.MaxOpenTasks is not null)
            ? await leads.CountOpenTasksByAssigneeAsync(cancellationToken)
            : new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
}
