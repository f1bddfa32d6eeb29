using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

public sealed class MongoUserAccountStore(IMongoDatabase database) : MongoDocumentStore<UserAccount>(database, CollectionName), IUserAccountStore
{
    public const string CollectionName = "accounts";

    public static FilterDefinition<UserAccount> ByEmail(string normalizedEmail) => Filter.Eq(x => x.Email, normalizedEmail);

    public override IEnumerable<CreateIndexModel<UserAccount>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<UserAccount>.IndexKeys.Ascending(x => x.Email), new CreateIndexOptions { Name = "email", Unique = true }),
    ];

    public async Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByEmail(normalizedEmail)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<UserAccount?> FindByOidcSubjectAsync(string issuerAndSubject, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.OidcSubject, issuerAndSubject)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(FilterDefinition<UserAccount>.Empty).Sort(Builders<UserAccount>.Sort.Ascending(x => x.Email)).Limit(max)
            .ToListAsync(cancellationToken);
    }
}
