using LeadPlatform.ServiceDefaults.Storage;
using LiteDB;

namespace LeadPlatform.FollowUp.Storage;

public sealed class LiteDbLeadStore : LiteDbDocumentStore<LeadDocument>, ILeadStore
{
    public const string CollectionName = "leads";

    public LiteDbLeadStore(LiteDatabase database) : base(database, CollectionName)
    {
        Collection.EnsureIndex(x => x.NextDueAt);
        Collection.EnsureIndex(x => x.Person!.Phone);
        Collection.EnsureIndex(x => x.NextEscalationAt);
    }

    public Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.NextEscalationAt != null && x.NextEscalationAt <= now).OrderBy(x => x.NextEscalationAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.NextDueAt != null).OrderBy(x => x.NextDueAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(Collection.Find(x => x.Person!.Phone == e164, limit: max).ToList());
}
