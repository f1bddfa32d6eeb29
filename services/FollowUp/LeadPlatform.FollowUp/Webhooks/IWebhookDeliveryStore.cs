using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>The webhook deliveries: the outbox of events to send and their log.</summary>
public interface IWebhookDeliveryStore : IDocumentStore<WebhookDelivery>
{
    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, the longest waiting first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>One subscription's deliveries, the newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ForSubscriptionAsync(Guid subscriptionId, int max, CancellationToken cancellationToken = default);
}
