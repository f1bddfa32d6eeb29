using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

public sealed class MongoSuppressedLeadStore(IMongoDatabase database)
    : MongoDocumentStore<SuppressedLeadDocument>(database, CollectionName), ISuppressedLeadStore
{
    public const string CollectionName = "suppressed_leads";
}
