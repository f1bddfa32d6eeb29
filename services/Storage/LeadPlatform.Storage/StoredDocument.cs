using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.Storage;

/// <summary>
/// What every stored aggregate has: an id, a version for optimistic concurrency, and its outbox.
/// <see cref="HasPendingOutbox"/> is derived from <see cref="Outbox"/> by the store on every write, so the dispatcher
/// can find pending events with an index instead of scanning arrays.
/// </summary>
public abstract class StoredDocument
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public List<OutboxEntry> Outbox { get; set; } = [];
    public bool HasPendingOutbox { get; set; }

    public void Enqueue<T>(T message, DateTimeOffset now, Guid? conversationId, Guid? correlationId) where T : class =>
        Outbox.Add(OutboxEntry.For(message, now, conversationId, correlationId));

    internal void RefreshOutboxFlag() => HasPendingOutbox = Outbox.Exists(e => e.SentAt is null);
}
