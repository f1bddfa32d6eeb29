using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// One event for one subscription, stored before it is sent (the webhooks' durable outbox) and kept as the delivery log:
/// every attempt's answer, the next attempt's time (backing off), and when it was delivered or given up.
/// </summary>
public sealed class WebhookDelivery : StoredDocument
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public Guid SubscriptionId { get; set; }
    public string Event { get; set; } = string.Empty;
    public Guid LeadId { get; set; }
    public WebhookPayload Payload { get; set; } = new();
    public string Status { get; set; } = Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
