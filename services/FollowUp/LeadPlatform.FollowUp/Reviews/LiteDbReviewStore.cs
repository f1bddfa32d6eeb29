using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Reviews;

public sealed class LiteDbReviewStore : LiteDbDocumentStore<ReviewItem>, IReviewStore
{
    public const string CollectionName = "reviews";

    public LiteDbReviewStore(LiteDatabase database) : base(database, CollectionName)
    {
        LiteDbFiles.SealFields<ReviewText>(database, ReviewText.SealedPurpose, ReviewText.SealedFields);
        LiteDbFiles.SealFields<ReviewFinding>(database, ReviewFinding.SealedPurpose, ReviewFinding.SealedFields);
        Collection.EnsureIndex(x => x.Status);
        Collection.EnsureIndex(x => x.LeadId);
    }

    public Task<IReadOnlyList<ReviewItem>> ListAsync(string? status, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReviewItem>>(status is null
            ? Collection.Query().OrderBy(x => x.CreatedAt).Limit(max).ToList()
            : Collection.Query().Where(x => x.Status == status).OrderBy(x => x.CreatedAt).Limit(max).ToList());

    public Task<IReadOnlyList<ReviewItem>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReviewItem>>(Collection.Query().Where(x => x.LeadId == leadId).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());
}
