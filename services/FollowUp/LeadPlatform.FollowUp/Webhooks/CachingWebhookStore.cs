using System.Diagnostics;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// The subscription list kept in memory between changes: <see cref="WebhookOutbox"/> reads it for every event that may become
/// a webhook (two per lead), and the subscriptions are few and seldom change. Any write through this store (subscribe,
/// disable, enable, delete) drops the copy, so this process sees its own change at once; a change made by another replica
/// on the same MongoDB database is seen within <see cref="MaxAge"/>. A list read that overlaps a write is not kept.
/// Everything else goes to the store as it is, its disposal too.
/// </summary>
public sealed class CachingWebhookStore(IWebhookStore inner) : IWebhookStore, IDisposable
{
    /// <summary>How long a copy is used before the store is read again (for the changes other replicas make).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private (IReadOnlyList<WebhookSubscription> List, int Max, long ReadAt)? _copy;
    private long _generation;

    public IWebhookStore Inner => inner;

    public string Name => inner.Name;

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        long generation;
        lock (_lock)
        {
            if (_copy is { } copy && copy.Max == max && Stopwatch.GetElapsedTime(copy.ReadAt) < MaxAge) return copy.List;
            generation = _generation;
        }
        var started = Stopwatch.GetTimestamp();
        var list = await inner.ListAsync(max, cancellationToken);
        lock (_lock)
        {
            if (generation == _generation) _copy = (list, max, started);
        }
        return list;
    }

    /// <summary>Drops the copy: the next list is read from the store.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            _copy = null;
        }
    }

    public Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public async Task<bool> TryInsertAsync(WebhookSubscription document, CancellationToken cancellationToken = default)
    {
        Invalidate();
        try
        {
            return await inner.TryInsertAsync(document, cancellationToken);
        }
        finally
        {
            Invalidate();
        }
    }

    public async Task ReplaceAsync(WebhookSubscription document, CancellationToken cancellationToken = default)
    {
        Invalidate();
        try
        {
            await inner.ReplaceAsync(document, cancellationToken);
        }
        finally
        {
            Invalidate();
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> FindPendingOutboxAsync(int max, CancellationToken cancellationToken) => inner.FindPendingOutboxAsync(max, cancellationToken);

    public Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        inner.MarkSentAsync(documentId, messageId, sentAt, cancellationToken);

    public Task<bool> TryClaimAsync(Guid documentId, Guid messageId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(documentId, messageId, owner, now, until, cancellationToken);

    public Task WaitForPendingAsync(TimeSpan timeout, CancellationToken cancellationToken) => inner.WaitForPendingAsync(timeout, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    /// <summary>The store's own disposal (LiteDB's writer), as the container would have done without this copy.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
