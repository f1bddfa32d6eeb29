using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.Storage;

/// <summary>The database-independent half of a document store: outbox bookkeeping and the write signal.</summary>
public abstract class DocumentStore<T>(string name) : IDocumentStore<T> where T : StoredDocument
{
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public abstract Task<T?> GetAsync(Guid id, CancellationToken cancellationToken = default);
    public abstract Task PingAsync(CancellationToken cancellationToken);
    public abstract Task<long> CountAsync(CancellationToken cancellationToken = default);
    protected abstract Task<bool> InsertCoreAsync(T document, CancellationToken cancellationToken);
    protected abstract Task<bool> ReplaceCoreAsync(T document, long expectedVersion, CancellationToken cancellationToken);
    protected abstract Task<IReadOnlyList<T>> FindPendingCoreAsync(int max, CancellationToken cancellationToken);

    public async Task<bool> TryInsertAsync(T document, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        document.RefreshOutboxFlag();
        var inserted = await InsertCoreAsync(document, cancellationToken);
        if (inserted && document.HasPendingOutbox) Signal();
        return inserted;
    }

    public async Task ReplaceAsync(T document, CancellationToken cancellationToken = default)
    {
        var expected = document.Version;
        document.Version = expected + 1;
        document.RefreshOutboxFlag();
        if (!await ReplaceCoreAsync(document, expected, cancellationToken))
        {
            document.Version = expected;
            throw new ConcurrencyConflictException(Name, document.Id, expected);
        }
        if (document.HasPendingOutbox) Signal();
    }

    /// <summary>The documents with unsent events; by default the whole documents (a store may return only their ids and outboxes).</summary>
    public virtual async Task<IReadOnlyList<StoredDocument>> FindPendingOutboxAsync(int max, CancellationToken cancellationToken) =>
        await FindPendingCoreAsync(max, cancellationToken);

    /// <summary>Marks one outbox entry sent: by default a read of the whole document and a versioned replace (<see cref="DocumentUpdates"/>).</summary>
    public virtual async Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        (await this.UpdateAsync(documentId, document =>
        {
            if (document.Outbox.Find(e => e.MessageId == messageId) is not { SentAt: null } entry) return false;
            entry.SentAt = StoredTime.Truncate(sentAt);
            return true;
        }, cancellationToken)).Updated;

    /// <summary>
    /// Claims one outbox entry for <paramref name="owner"/> until <paramref name="until"/>; false when it is sent, gone, or
    /// another owner's claim still holds (a write meanwhile by the service is retried on a fresh read).
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid documentId, Guid messageId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await this.UpdateAsync(documentId, document =>
        {
            if (document.Outbox.Find(e => e.MessageId == messageId) is not { SentAt: null } entry) return false;
            if (entry.ClaimedBy is not null && entry.ClaimedBy != owner && entry.ClaimedUntil > now) return false;
            entry.ClaimedBy = owner;
            entry.ClaimedUntil = StoredTime.Truncate(until);
            return true;
        }, cancellationToken)).Updated;

    public async Task WaitForPendingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _written);
        if (!pending.Task.IsCompleted)
        {
            // A wait that times out is the normal case of a quiet store: no TimeoutException per poll (ops read the rate of
            // exceptions as a health signal).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (await Task.WhenAny(pending.Task, Task.Delay(timeout, stop.Token)) != pending.Task)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return; // poll anyway: another process may have written (another replica, or before a restart)
            }
            await stop.CancelAsync();
        }
        // Reset before the caller scans, so a write during the scan wakes the next wait at once.
        Interlocked.CompareExchange(ref _written, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), pending);
    }

    private void Signal() => Volatile.Read(ref _written).TrySetResult();
}
