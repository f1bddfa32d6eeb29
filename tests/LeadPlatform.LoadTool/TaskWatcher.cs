using System.Collections.Concurrent;

namespace LeadPlatform.LoadTool;

/// <summary>
/// Finds, for each accepted quote request, when its follow-up task was created, by the services' own clocks: intake's
/// <c>receivedAt</c> and the task's <c>createdAt</c>. Two ways: <see cref="EventTaskWatcher"/> (the events on the broker) and
/// <see cref="PollingTaskWatcher"/> (the follow-up API).
/// </summary>
internal abstract class TaskWatcher : IAsyncDisposable
{
    protected ConcurrentDictionary<Guid, Submission> Expected { get; } = new();
    protected ConcurrentDictionary<Guid, DateTimeOffset> ReceivedAt { get; } = new();
    protected ConcurrentDictionary<Guid, DateTimeOffset> TaskCreatedAt { get; } = new();

    public abstract string Method { get; }

    public virtual void Expect(Submission submission) => Expected[submission.QuoteRequestId] = submission;

    public int Completed => Expected.Keys.Count(id => TaskCreatedAt.ContainsKey(id) && ReceivedAt.ContainsKey(id));

    /// <summary>Waits until every expected request has its task, or the timeout passes (then some are missing).</summary>
    public async Task<bool> WaitForAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Completed >= Expected.Count) return true;
            await Task.Delay(100, cancellationToken);
        }
        return Completed >= Expected.Count;
    }

    /// <summary>The expected requests with their times, then forgets them (the next phase starts afresh).</summary>
    public IReadOnlyList<Completion> Collect()
    {
        var results = Expected.Values.Select(s => new Completion(s,
            ReceivedAt.TryGetValue(s.QuoteRequestId, out var received) ? received : null,
            TaskCreatedAt.TryGetValue(s.QuoteRequestId, out var created) ? created : null)).ToList();
        Expected.Clear();
        return results;
    }

    public abstract ValueTask DisposeAsync();
}
