using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Templates;

public sealed class MongoTemplateStore(IMongoDatabase database) : MongoDocumentStore<MessageTemplate>(database, CollectionName), ITemplateStore
{
    public const string CollectionName = "templates";

    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return TemplateOrder.Sort(await Collection.Find(FilterDefinition<MessageTemplate>.Empty).Limit(max).ToListAsync(cancellationToken));
    }
}
