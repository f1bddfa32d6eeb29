using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.ServiceDefaults.Outbox;

/// <summary>What the outbox dispatcher needs of a store.</summary>
public interface IOutboxStore
{
    string Name { get; }

    Task<IReadOnlyList<StoredDocument>> FindPendingOutboxAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks one entry sent; false when the document or entry is gone or was already marked.</summary>
    Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Completes when a write left something in an outbox, or after <paramref name="timeout"/>.</summary>
    Task WaitForPendingAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Throws when the database cannot be reached (for readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
