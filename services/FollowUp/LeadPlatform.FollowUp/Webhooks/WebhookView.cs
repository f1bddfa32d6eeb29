namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>A subscription as an admin reads it (never its secret), with its last deliveries.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, bool IncludeHealthDetails, string? Description,
    DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<WebhookDeliveryView> LastDeliveries, DateTimeOffset? DisabledAt = null);

/// <summary>One delivery in the log: the event, its state, how many attempts and the last answer.</summary>
public sealed record WebhookDeliveryView(Guid Id, string Event, Guid LeadId, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Id, d.Event, d.LeadId, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastError, d.DeliveredAt, d.Status == WebhookDelivery.Pending ? d.NextAttemptAt : null);
}

/// <summary>The answer to a new subscription: the view, and the signing secret, shown this once.</summary>
public sealed record WebhookCreated(WebhookView Subscription, string Secret);
