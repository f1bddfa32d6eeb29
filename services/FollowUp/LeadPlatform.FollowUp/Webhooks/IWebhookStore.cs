using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>The webhook subscriptions (no outbox: a subscription publishes nothing on the bus).</summary>
public interface IWebhookStore : IDocumentStore<WebhookSubscription>
{
    /// <summary>Subscriptions not deleted, the oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(int max, CancellationToken cancellationToken = default);
}
