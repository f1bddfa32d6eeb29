using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

public sealed class LiteDbDataProtectionKeyStore(LiteDatabase database) : LiteDbDocumentStore<DataProtectionKey>(database, CollectionName), IDataProtectionKeyStore
{
    public const string CollectionName = "dataprotection_keys";

    public Task<IReadOnlyList<DataProtectionKey>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DataProtectionKey>>(Collection.FindAll().ToList());
}
