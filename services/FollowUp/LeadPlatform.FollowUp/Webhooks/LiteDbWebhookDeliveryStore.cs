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

    /// <summary>
    /// The pending deliveries on the Status index, those due filtered on the stored BSON, and the few found sorted here: a
    /// LiteDB ORDER BY on a field the query does not walk by index allocates a sort buffer of about 800 KB (on the large
    /// object heap) for every query, found or not, and the sender polls every 2 s.
    /// </summary>
    public Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Collection
            .Find(BsonExpression.Create("$.Status = @0 AND $.NextAttemptAt <= @1", WebhookDelivery.Pending, now.UtcDateTime))
            .OrderBy(x => x.NextAttemptAt).Take(max).ToList());

    public Task<IReadOnlyList<WebhookDelivery>> ForSubscriptionAsync(Guid subscriptionId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Collection.Query()
            .Where(x => x.SubscriptionId == subscriptionId).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());
}
