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
    /// The pending deliveries on the Status index, those due filtered on the stored BSON, and only their id and due time
    /// read (a projection: no payload unsealed, no document mapped); those sorted here, the first <paramref name="max"/>
    /// taken, and only those read whole. A backlog after an outage (thousands due at once) would otherwise unseal and map
    /// every due delivery on each 2 s poll to send fifty. Not a LiteDB ORDER BY: on a field the query does not walk by index
    /// it allocates a sort buffer of about 800 KB (on the large object heap) for every query, found or not.
    /// </summary>
    public Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var due = Collection.Query()
            .Where(BsonExpression.Create("$.Status = @0 AND $.NextAttemptAt <= @1", WebhookDelivery.Pending, now.UtcDateTime))
            .Select(BsonExpression.Create("{ id: $._id, at: $.NextAttemptAt }"))
            .ToEnumerable()
            .Select(x => (Id: x["id"], At: x["at"].AsDateTime))
            .OrderBy(x => x.At).Take(max)
            .Select(x => Collection.FindById(x.Id))
            .Where(x => x is { Status: WebhookDelivery.Pending } && x.NextAttemptAt <= now) // moved by another sender meanwhile
            .ToList();
        return Task.FromResult<IReadOnlyList<WebhookDelivery>>(due);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ForSubscriptionAsync(Guid subscriptionId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Collection.Query()
            .Where(x => x.SubscriptionId == subscriptionId).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());
}
