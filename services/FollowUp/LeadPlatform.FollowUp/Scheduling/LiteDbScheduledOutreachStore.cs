using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.Storage;
using LiteDB;

namespace LeadPlatform.FollowUp.Scheduling;

public sealed class LiteDbScheduledOutreachStore : LiteDbDocumentStore<ScheduledOutreach>, IScheduledOutreachStore
{
    public const string CollectionName = "scheduled_outreach";

    public LiteDbScheduledOutreachStore(LiteDatabase database) : base(database, CollectionName)
    {
        LiteDbFiles.SealFields<ReviewText>(database, ReviewText.SealedPurpose, ReviewText.SealedFields);
        Collection.EnsureIndex(x => x.DueAt);
        Collection.EnsureIndex(x => x.LeadId);
    }

    public Task<IReadOnlyList<ScheduledOutreach>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduledOutreach>>(Collection.Query()
            .Where(x => x.Status == ScheduledOutreachStatus.Scheduled && x.DueAt <= now && (x.LeaseUntil == null || x.LeaseUntil <= now))
            .OrderBy(x => x.DueAt).Limit(max).ToList());

    public Task<IReadOnlyList<ScheduledOutreach>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduledOutreach>>(Collection.Query().Where(x => x.LeadId == leadId).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());

    public Task<IReadOnlyList<ScheduledOutreach>> WaitingAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduledOutreach>>(Collection.Query()
            .Where(x => x.Status == ScheduledOutreachStatus.Scheduled).OrderBy(x => x.DueAt).Limit(max).ToList());
}
