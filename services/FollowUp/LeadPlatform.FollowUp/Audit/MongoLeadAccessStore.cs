using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Audit;

public sealed class MongoLeadAccessStore(IMongoDatabase database) : MongoDocumentStore<LeadAccessRecord>(database, CollectionName), ILeadAccessStore
{
    public const string CollectionName = "lead_access";

    public override IEnumerable<CreateIndexModel<LeadAccessRecord>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<LeadAccessRecord>.IndexKeys.Ascending(x => x.LeadId).Descending(x => x.At), new CreateIndexOptions { Name = "lead_at" }),
    ];

    public async Task<IReadOnlyList<LeadAccessRecord>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.LeadId, leadId)).Sort(Builders<LeadAccessRecord>.Sort.Descending(x => x.At)).Limit(max)
            .ToListAsync(cancellationToken);
    }
}
