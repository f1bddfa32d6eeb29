using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

public sealed class MongoWebhookStore(IMongoDatabase database) : MongoDocumentStore<WebhookSubscription>(database, CollectionName), IWebhookStore
{
    public const string CollectionName = "webhooks";

    /// <summary>Before anything can ask MongoDB for these serializers (see <c>MongoLeadStore.RegisterSealedFields</c>).</summary>
#pragma warning disable CA2255 // A library module initializer is exactly what makes the registration independent of first use.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterSealedFields()
    {
        MongoConventions.SealFields<WebhookSecret>(WebhookSecret.SealedPurpose, WebhookSecret.SealedFields);
        MongoConventions.SealFields<WebhookPayload>(WebhookPayload.SealedPurpose, WebhookPayload.SealedFields);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.DeletedAt, null)).Sort(Builders<WebhookSubscription>.Sort.Ascending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
