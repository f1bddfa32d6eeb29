using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

public sealed class MongoMarkerStore(IMongoDatabase database) : MongoDocumentStore<ExpiringMarker>(database, CollectionName), IMarkerStore
{
    public const string CollectionName = "markers";
}
