using LeadPlatform.ServiceDefaults.Outbox;

namespace LeadPlatform.ServiceDefaults.Storage;

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

    /// <summary>Marks one outbox entry sent: by default a read of the whole document and a versioned replace (retried on a conflict).</summary>
    public virtual async Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var document = await GetAsync(documentId, cancellationToken);
            var entry = document?.Outbox.Find(e => e.MessageId == messageId);
            if (document is null || entry is null || entry.SentAt is not null) return false;
            entry.SentAt = StoredTime.Truncate(sentAt);
            try
            {
                await ReplaceAsync(document, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone changed the document meanwhile: read it again and mark the entry on the new version.
            }
        }
        throw new ConcurrencyConflictException(Name, documentId, -1);
    }

    public async Task<bool> TryClaimAsync(Guid documentId, Guid messageId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var document = await GetAsync(documentId, cancellationToken);
        var entry = document?.Outbox.Find(e => e.MessageId == messageId);
        if (document is null || entry is null || entry.SentAt is not null) return false;
        if (entry.ClaimedBy is not null && entry.ClaimedBy != owner && entry.ClaimedUntil > now) return false;
        entry.ClaimedBy = owner;
        entry.ClaimedUntil = StoredTime.Truncate(until);
        try
        {
            await ReplaceAsync(document, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Another replica claimed it, or the service wrote the document: the next round looks again.
            return false;
        }
    }

    public async Task WaitForPendingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _written);
        if (!pending.Task.IsCompleted)
        {
            try
            {
                await pending.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Poll anyway: another process may have written (another replica, or before a restart).
                return;
            }
        }
        // Reset before the caller scans, so a write during the scan wakes the next wait at once.
        Interlocked.CompareExchange(ref _written, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), pending);
    }

    private void Signal() => Volatile.Read(ref _written).TrySetResult();
}
