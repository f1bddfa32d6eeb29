using LeadPlatform.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace LeadPlatform.Qualification.Storage;

public sealed class MongoQualificationStore(IMongoDatabase database)
    : MongoDocumentStore<QualificationDocument>(database, CollectionName), IQualificationStore
{
    public const string CollectionName = "decisions";

    public static FilterDefinition<QualificationDocument> ByLead(Guid leadId) => Filter.Eq(x => x.LeadId, leadId);

    public override IEnumerable<CreateIndexModel<QualificationDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<QualificationDocument>.IndexKeys.Ascending(x => x.LeadId).Ascending(x => x.DecidedAt), new CreateIndexOptions { Name = "lead_decided" }),
    ];

    public async Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync();
        return await Collection.Find(ByLead(leadId)).SortBy(x => x.DecidedAt).ToListAsync(cancellationToken);
    }
}
