using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

public sealed class LiteDbUserAccountStore : LiteDbDocumentStore<UserAccount>, IUserAccountStore
{
    public const string CollectionName = "accounts";

    public LiteDbUserAccountStore(LiteDatabase database) : base(database, CollectionName) =>
        Collection.EnsureIndex(x => x.Email, unique: true);

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        Task.FromResult<UserAccount?>(Collection.FindOne(x => x.Email == normalizedEmail));

    public Task<UserAccount?> FindByOidcSubjectAsync(string issuerAndSubject, CancellationToken cancellationToken = default) =>
        Task.FromResult<UserAccount?>(Collection.FindOne(x => x.OidcSubject == issuerAndSubject));

    public Task<IReadOnlyList<UserAccount>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserAccount>>(Collection.Query().OrderBy(x => x.Email).Limit(max).ToList());
}
