using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Import;

public sealed class MongoLeadImportStore(IMongoDatabase database) : MongoDocumentStore<LeadImport>(database, CollectionName), ILeadImportStore
{
    public const string CollectionName = "lead_imports";

    /// <summary>Before anything can ask MongoDB for these serializers (see <c>MongoLeadStore.RegisterSealedFields</c>).</summary>
#pragma warning disable CA2255 // A library module initializer is exactly what makes the registration independent of first use.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterSealedFields() =>
        MongoConventions.SealFields<ImportPayload>(ImportPayload.SealedPurpose, ImportPayload.SealedFields);

    public async Task<IReadOnlyList<LeadImport>> RecentAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(FilterDefinition<LeadImport>.Empty).Sort(Builders<LeadImport>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
