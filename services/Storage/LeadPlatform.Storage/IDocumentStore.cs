using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.Storage;

/// <summary>The primitives every aggregate store has, whatever the database.</summary>
public interface IDocumentStore<T> : IOutboxStore where T : StoredDocument
{
    Task<T?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new document; false when its id or a unique key is already taken (nothing is written).</summary>
    Task<bool> TryInsertAsync(T document, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document if nobody changed it since it was read, and bumps its version.</summary>
    /// <exception cref="ConcurrencyConflictException">It was changed meanwhile.</exception>
    Task ReplaceAsync(T document, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
