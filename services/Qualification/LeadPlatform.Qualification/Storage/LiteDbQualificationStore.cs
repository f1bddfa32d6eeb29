using LeadPlatform.ServiceDefaults.Storage;
using LiteDB;

namespace LeadPlatform.Qualification.Storage;

public sealed class LiteDbQualificationStore : LiteDbDocumentStore<QualificationDocument>, IQualificationStore
{
    public const string CollectionName = "decisions";

    public LiteDbQualificationStore(LiteDatabase database) : base(database, CollectionName) =>
        Collection.EnsureIndex(x => x.LeadId);

    public Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QualificationDocument>>(
            Collection.Query().Where(x => x.LeadId == leadId).OrderBy(x => x.DecidedAt).ToList());
}
