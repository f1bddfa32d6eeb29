using LeadPlatform.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace LeadPlatform.FollowUp.Storage;

public sealed class MongoLeadStore(IMongoDatabase database) : MongoDocumentStore<LeadDocument>(database, CollectionName), ILeadStore
{
    public const string CollectionName = "leads";

    public static FilterDefinition<LeadDocument> WithOpenTask() => Filter.Ne(x => x.NextDueAt, null);

    public static SortDefinition<LeadDocument> MostUrgentFirst() => Builders<LeadDocument>.Sort.Ascending(x => x.NextDueAt);

    public static FilterDefinition<LeadDocument> ByPhone(string e164) => Filter.Eq(x => x.Person!.Phone, e164);

    public override IEnumerable<CreateIndexModel<LeadDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextDueAt), new CreateIndexOptions { Name = "next_due", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.Person!.Phone), new CreateIndexOptions { Name = "person_phone", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Descending(x => x.CreatedAt), new CreateIndexOptions { Name = "created_at" }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.Status).Descending(x => x.UpdatedAt), new CreateIndexOptions { Name = "status_updated" }),
    ];

    public static FilterDefinition<LeadDocument> CreatedSince(DateTimeOffset since) => Filter.Gte(x => x.CreatedAt, since);

    public static FilterDefinition<LeadDocument> InStatus(string status) => Filter.Eq(x => x.Status, status);

    public async Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(WithOpenTask()).Sort(MostUrgentFirst()).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(ByPhone(e164)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindCreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(CreatedSince(since)).Sort(Builders<LeadDocument>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindByStatusAsync(string status, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(InStatus(status)).Sort(Builders<LeadDocument>.Sort.Descending(x => x.UpdatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
