using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Reviews;

public sealed class MongoReviewStore(IMongoDatabase database) : MongoDocumentStore<ReviewItem>(database, CollectionName), IReviewStore
{
    public const string CollectionName = "reviews";

    /// <summary>Before anything can ask MongoDB for these serializers (see <c>MongoLeadStore.RegisterSealedFields</c>).</summary>
#pragma warning disable CA2255 // A library module initializer is exactly what makes the registration independent of first use.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterSealedFields()
    {
        MongoConventions.SealFields<ReviewText>(ReviewText.SealedPurpose, ReviewText.SealedFields);
        MongoConventions.SealFields<ReviewFinding>(ReviewFinding.SealedPurpose, ReviewFinding.SealedFields);
    }

    public override IEnumerable<CreateIndexModel<ReviewItem>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<ReviewItem>.IndexKeys.Ascending(x => x.Status).Ascending(x => x.CreatedAt), new CreateIndexOptions { Name = "status_created" }),
        new(Builders<ReviewItem>.IndexKeys.Ascending(x => x.LeadId), new CreateIndexOptions { Name = "lead" }),
    ];

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(string? status, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        var filter = status is null ? FilterDefinition<ReviewItem>.Empty : Filter.Eq(x => x.Status, status);
        return await Collection.Find(filter).Sort(Builders<ReviewItem>.Sort.Ascending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.LeadId, leadId)).Sort(Builders<ReviewItem>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
