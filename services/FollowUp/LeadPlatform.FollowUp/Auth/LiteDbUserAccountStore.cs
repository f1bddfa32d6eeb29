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

    /// <remarks>
    /// Read for every task assignment (the roster): the order is LiteDB's expression text on the Email index, not a C#
    /// lambda, which builds an expression tree by reflection on every call (a tenth of follow-up's CPU under a burst).
    /// </remarks>
    public Task<IReadOnlyList<UserAccount>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserAccount>>(Collection.Query().OrderBy("$.Email").Limit(max).ToList());
}
