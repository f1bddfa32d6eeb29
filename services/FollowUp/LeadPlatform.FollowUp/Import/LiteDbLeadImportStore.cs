using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Import;

public sealed class LiteDbLeadImportStore : LiteDbDocumentStore<LeadImport>, ILeadImportStore
{
    public const string CollectionName = "lead_imports";

    public LiteDbLeadImportStore(LiteDatabase database) : base(database, CollectionName) =>
        LiteDbFiles.SealFields<ImportPayload>(database, ImportPayload.SealedPurpose, ImportPayload.SealedFields);

    public Task<IReadOnlyList<LeadImport>> RecentAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadImport>>(Collection.Query().OrderByDescending(x => x.CreatedAt).Limit(max).ToList());
}
