using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Disclaimers;

public sealed class LiteDbDisclaimerApprovalStore(LiteDatabase database)
    : LiteDbDocumentStore<DisclaimerApproval>(database, CollectionName), IDisclaimerApprovalStore
{
    public const string CollectionName = "disclaimer_approvals";

    public Task<IReadOnlyList<DisclaimerApproval>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DisclaimerApproval>>(Collection.Query().OrderBy(x => x.ApprovedAt).Limit(max).ToList());
}
