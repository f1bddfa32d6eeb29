using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Disclaimers;

public sealed class MongoDisclaimerApprovalStore(IMongoDatabase database)
    : MongoDocumentStore<DisclaimerApproval>(database, CollectionName), IDisclaimerApprovalStore
{
    public const string CollectionName = "disclaimer_approvals";

    public async Task<IReadOnlyList<DisclaimerApproval>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(FilterDefinition<DisclaimerApproval>.Empty)
            .Sort(Builders<DisclaimerApproval>.Sort.Ascending(x => x.ApprovedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
