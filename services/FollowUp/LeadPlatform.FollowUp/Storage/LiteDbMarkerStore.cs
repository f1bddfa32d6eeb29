using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

public sealed class LiteDbMarkerStore(LiteDatabase database) : LiteDbDocumentStore<ExpiringMarker>(database, CollectionName), IMarkerStore
{
    public const string CollectionName = "markers";
}
