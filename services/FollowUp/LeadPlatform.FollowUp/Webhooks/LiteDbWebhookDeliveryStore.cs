using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

public sealed class LiteDbWebhookDeliveryStore : LiteDbDocumentStore<WebhookDelivery>, IWebhookDeliveryStore
{
    public const string CollectionName = "webhook_deliveries";

    public LiteDbWebhookDeliveryStore(LiteDatabase database) : base(database, CollectionName)
    {
        LiteDbFiles.SealFields<WebhookPayload>(database, WebhookPayload.SealedPurpose, WebhookPayload.SealedFields);
        Collection.EnsureIndex(x => x.Status);
        Collection.EnsureIndex(x => x.SubscriptionId);
    }

    public Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Collection.Query()
            .Where(x => x.Status == WebhookDelivery.Pending && x.NextAttemptAt <= now).OrderBy(x => x.NextAttemptAt).Limit(max).ToList());

    public Task<IReadOnlyList<WebhookDelivery>> ForSubscriptionAsync(Guid subscriptionId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Collection.Query()
            .Where(x => x.SubscriptionId == subscriptionId).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());
}
