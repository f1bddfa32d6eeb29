using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

public sealed class LiteDbQualificationStore : LiteDbDocumentStore<QualificationDocument>, IQualificationStore
{
    public const string CollectionName = "decisions";

    public LiteDbQualificationStore(LiteDatabase database) : base(database, CollectionName)
    {
        SealedReasons.Register(database);
        Collection.EnsureIndex(x => x.LeadId);
        Collection.EnsureIndex(x => x.Current);
    }

    public Task<IReadOnlyList<QualificationDocument>> FindCurrentAsync(Guid? after, int max, CancellationToken cancellationToken = default)
    {
        var from = after ?? Guid.Empty;
        return Task.FromResult<IReadOnlyList<QualificationDocument>>(
            Collection.Query().Where(x => x.Current && x.Id > from).OrderBy(x => x.Id).Limit(max).ToList());
    }

    public Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QualificationDocument>>(
            Collection.Query().Where(x => x.LeadId == leadId).OrderBy(x => x.DecidedAt).ToList());
}
