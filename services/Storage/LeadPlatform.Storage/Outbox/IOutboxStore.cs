namespace LeadPlatform.Storage.Outbox;

/// <summary>What the outbox dispatcher needs of a store.</summary>
public interface IOutboxStore
{
    string Name { get; }

    Task<IReadOnlyList<StoredDocument>> FindPendingOutboxAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks one entry sent; false when the document or entry is gone or was already marked.</summary>
    Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one unsent entry for <paramref name="owner"/> until <paramref name="until"/> with a compare-and-replace;
    /// false when it is sent, gone, claimed by another owner whose claim has not run out, or someone wrote the document first.
    /// </summary>
    Task<bool> TryClaimAsync(Guid documentId, Guid messageId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Completes when a write left something in an outbox, or after <paramref name="timeout"/>.</summary>
    Task WaitForPendingAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Throws when the database cannot be reached (for readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
