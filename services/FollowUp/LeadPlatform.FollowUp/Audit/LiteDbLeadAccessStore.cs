using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Audit;

public sealed class LiteDbLeadAccessStore : LiteDbDocumentStore<LeadAccessRecord>, ILeadAccessStore
{
    public const string CollectionName = "lead_access";

    public LiteDbLeadAccessStore(LiteDatabase database) : base(database, CollectionName) => Collection.EnsureIndex(x => x.LeadId);

    public Task<IReadOnlyList<LeadAccessRecord>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadAccessRecord>>(Collection.Query().Where(x => x.LeadId == leadId).OrderByDescending(x => x.At).Limit(max).ToList());
}
