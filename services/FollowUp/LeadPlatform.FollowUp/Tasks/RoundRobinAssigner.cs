using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Assigns new tasks round-robin among the roster's coordinators who are on duty and not on leave, in roster order,
/// starting after whoever was assigned last. The round's place is stored (<see cref="AssignmentCursor"/>): it survives a
/// restart, concurrent consumers take turns through optimistic concurrency, and asking again for the same key (a
/// redelivered decision) gives the same coordinator without moving the round on.
/// </summary>
public sealed class RoundRobinAssigner(ICoordinatorRoster roster, IAssignmentStore store, TimeProvider time, ILogger<RoundRobinAssigner> logger)
{
    private const int Attempts = 50;

    /// <summary>The coordinator for the task with this key, or null when nobody is available (the task stays unassigned).</summary>
    public async Task<Coordinator?> AssignAsync(Guid key, CancellationToken cancellationToken)
    {
        var coordinators = await roster.GetCoordinatorsAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var cursor = await store.GetAsync(AssignmentCursor.RoundRobinId, cancellationToken);
            if (cursor?.Recent.Find(m => m.Key == key) is { } memo)
            {
                return coordinators.FirstOrDefault(c => c.Id == memo.AssigneeId) ?? new Coordinator(memo.AssigneeId, memo.AssigneeId, false, null);
            }

            if (coordinators.Count == 0) return null; // no roster configured: tasks are not assigned (said once at start-up)
            var next = Next(coordinators, cursor?.LastAssigneeId, time.GetUtcNow());
            if (next is null)
            {
                logger.LogWarning("No coordinator on duty among {CoordinatorCount} on the roster: the task stays unassigned", coordinators.Count);
                return null;
            }

            var update = cursor ?? new AssignmentCursor { Id = AssignmentCursor.RoundRobinId };
            update.LastAssigneeId = next.Id;
            update.Assignments++;
            update.Recent.Add(new AssignmentMemo { Key = key, AssigneeId = next.Id });
            if (update.Recent.Count > AssignmentCursor.RememberedAssignments) update.Recent.RemoveRange(0, update.Recent.Count - AssignmentCursor.RememberedAssignments);
            try
            {
                if (cursor is null)
                {
                    if (!await store.TryInsertAsync(update, cancellationToken)) continue; // someone started the round first
                }
                else
                {
                    await store.ReplaceAsync(update, cancellationToken);
                }
                return next;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another consumer took a turn meanwhile: read the round again, after a short random pause so that a
                // crowd of contenders (a burst of decisions, committed together) spreads out instead of colliding again.
                await Task.Delay(Random.Shared.Next(1, 2 + Math.Min(attempt, 10) * 2), cancellationToken);
            }
        }
    }

    /// <summary>The first available coordinator after <paramref name="lastId"/> in roster order (from the top if they are gone).</summary>
    public static Coordinator? Next(IReadOnlyList<Coordinator> coordinators, string? lastId, DateTimeOffset now)
    {
        var last = -1;
        for (var i = 0; i < coordinators.Count; i++)
        {
            if (coordinators[i].Id == lastId) last = i;
        }
        for (var step = 1; step <= coordinators.Count; step++)
        {
            var candidate = coordinators[(last + step) % coordinators.Count];
            if (candidate.IsAvailableAt(now)) return candidate;
        }
        return null;
    }
}
