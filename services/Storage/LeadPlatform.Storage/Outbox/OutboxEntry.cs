using System.Text.Json;

namespace LeadPlatform.Storage.Outbox;

/// <summary>
/// An event waiting to be published, stored inside the document whose change it announces: the state change and the
/// event are one write, so neither exists without the other.
/// </summary>
public sealed class OutboxEntry
{
    public Guid MessageId { get; set; }
    public string MessageUrn { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The dispatcher that is publishing it, when several may (replicas): the others leave it alone until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public static OutboxEntry For<T>(T message, DateTimeOffset createdAt, Guid? conversationId, Guid? correlationId)
        where T : class => new()
        {
            MessageId = Ids.New(),
            MessageUrn = MessageTypes.UrnOf(typeof(T)),
            Payload = JsonSerializer.Serialize(message, MessageTypes.Json),
            ConversationId = conversationId,
            CorrelationId = correlationId,
            CreatedAt = StoredTime.Truncate(createdAt),
        };

    public object Deserialize(out Type type)
    {
        type = MessageTypes.TypeOf(MessageUrn);
        return JsonSerializer.Deserialize(Payload, type, MessageTypes.Json)
               ?? throw new InvalidOperationException($"Outbox entry {MessageId} has an empty payload.");
    }
}
