using LeadPlatform.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace LeadPlatform.FollowUp.Storage;

public sealed class MongoLeadStore(IMongoDatabase database) : MongoDocumentStore<LeadDocument>(database, CollectionName), ILeadStore
{
    public const string CollectionName = "leads";

    public static FilterDefinition<LeadDocument> WithOpenTask() => Filter.Ne(x => x.NextDueAt, null);

    public static SortDefinition<LeadDocument> MostUrgentFirst() => Builders<LeadDocument>.Sort.Ascending(x => x.NextDueAt);

    public static FilterDefinition<LeadDocument> OverdueAt(DateTimeOffset now) => Filter.Lte(x => x.NextEscalationAt, now);

    public static SortDefinition<LeadDocument> MostOverdueFirst() => Builders<LeadDocument>.Sort.Ascending(x => x.NextEscalationAt);

    public static FilterDefinition<LeadDocument> ByPhone(string e164) => Filter.Eq(x => x.Person!.Phone, e164);

    public override IEnumerable<CreateIndexModel<LeadDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextDueAt), new CreateIndexOptions { Name = "next_due", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.Person!.Phone), new CreateIndexOptions { Name = "person_phone", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextEscalationAt), new CreateIndexOptions { Name = "next_escalation", Sparse = true }),
    ];

    public async Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(OverdueAt(now)).Sort(MostOverdueFirst()).Limit(max).ToListAsync(cancellationToken);
    }

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
}
