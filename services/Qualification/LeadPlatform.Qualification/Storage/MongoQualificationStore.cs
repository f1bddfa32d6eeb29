using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

public sealed class MongoQualificationStore(IMongoDatabase database)
    : MongoDocumentStore<QualificationDocument>(database, CollectionName), IQualificationStore
{
    public const string CollectionName = "decisions";

    public static FilterDefinition<QualificationDocument> ByLead(Guid leadId) => Filter.Eq(x => x.LeadId, leadId);

    public static FilterDefinition<QualificationDocument> CurrentAfter(Guid? after) => after is { } id
        ? Filter.And(Filter.Eq(x => x.Current, true), Filter.Gt(x => x.Id, id))
        : Filter.Eq(x => x.Current, true);

    public async Task<IReadOnlyList<QualificationDocument>> FindCurrentAsync(Guid? after, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(CurrentAfter(after)).SortBy(x => x.Id).Limit(max).ToListAsync(cancellationToken);
    }

    public override IEnumerable<CreateIndexModel<QualificationDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<QualificationDocument>.IndexKeys.Ascending(x => x.LeadId).Ascending(x => x.DecidedAt), new CreateIndexOptions { Name = "lead_decided" }),
        new(Builders<QualificationDocument>.IndexKeys.Ascending(x => x.Current).Ascending(x => x.Id), new CreateIndexOptions { Name = "current" }),
    ];

    public async Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByLead(leadId)).SortBy(x => x.DecidedAt).ToListAsync(cancellationToken);
    }
}
