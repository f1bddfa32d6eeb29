using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

public sealed class MongoDataProtectionKeyStore(IMongoDatabase database) : MongoDocumentStore<DataProtectionKey>(database, CollectionName), IDataProtectionKeyStore
{
    public const string CollectionName = "dataprotection_keys";

    public async Task<IReadOnlyList<DataProtectionKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(FilterDefinition<DataProtectionKey>.Empty).ToListAsync(cancellationToken);
    }
}
