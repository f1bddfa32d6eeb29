using LeadPlatform.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace LeadPlatform.Qualification.Storage;

public sealed class MongoSuppressedLeadStore(IMongoDatabase database)
    : MongoDocumentStore<SuppressedLeadDocument>(database, CollectionName), ISuppressedLeadStore
{
    public const string CollectionName = "suppressed_leads";
}
