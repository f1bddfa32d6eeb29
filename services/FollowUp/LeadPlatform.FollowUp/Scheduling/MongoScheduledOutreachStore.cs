using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>The text's sealing is registered by <c>MongoReviewStore</c> (the same <c>ReviewText</c> type).</summary>
public sealed class MongoScheduledOutreachStore(IMongoDatabase database) : MongoDocumentStore<ScheduledOutreach>(database, CollectionName), IScheduledOutreachStore
{
    public const string CollectionName = "scheduled_outreach";

    public override IEnumerable<CreateIndexModel<ScheduledOutreach>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<ScheduledOutreach>.IndexKeys.Ascending(x => x.Status).Ascending(x => x.DueAt), new CreateIndexOptions { Name = "status_due" }),
        new(Builders<ScheduledOutreach>.IndexKeys.Ascending(x => x.LeadId), new CreateIndexOptions { Name = "lead" }),
    ];

    /// <summary>Scheduled, due, and not under a live lease.</summary>
    public static FilterDefinition<ScheduledOutreach> DueAt(DateTimeOffset now) => Filter.And(
        Filter.Eq(x => x.Status, ScheduledOutreachStatus.Scheduled),
        Filter.Lte(x => x.DueAt, now),
        Filter.Or(Filter.Eq(x => x.LeaseUntil, null), Filter.Lte(x => x.LeaseUntil, now)));

    public async Task<IReadOnlyList<ScheduledOutreach>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(DueAt(now)).Sort(Builders<ScheduledOutreach>.Sort.Ascending(x => x.DueAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledOutreach>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.LeadId, leadId)).Sort(Builders<ScheduledOutreach>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledOutreach>> WaitingAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.Status, ScheduledOutreachStatus.Scheduled))
            .Sort(Builders<ScheduledOutreach>.Sort.Ascending(x => x.DueAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
