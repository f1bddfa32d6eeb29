using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

public sealed class MongoWebhookDeliveryStore(IMongoDatabase database) : MongoDocumentStore<WebhookDelivery>(database, CollectionName), IWebhookDeliveryStore
{
    public const string CollectionName = "webhook_deliveries";

    public override IEnumerable<CreateIndexModel<WebhookDelivery>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<WebhookDelivery>.IndexKeys.Ascending(x => x.Status).Ascending(x => x.NextAttemptAt), new CreateIndexOptions { Name = "status_next_attempt" }),
        new(Builders<WebhookDelivery>.IndexKeys.Ascending(x => x.SubscriptionId).Descending(x => x.CreatedAt), new CreateIndexOptions { Name = "subscription_created" }),
    ];

    public async Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.And(Filter.Eq(x => x.Status, WebhookDelivery.Pending), Filter.Lte(x => x.NextAttemptAt, now)))
            .Sort(Builders<WebhookDelivery>.Sort.Ascending(x => x.NextAttemptAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ForSubscriptionAsync(Guid subscriptionId, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.SubscriptionId, subscriptionId))
            .Sort(Builders<WebhookDelivery>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
