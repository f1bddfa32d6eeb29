using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

public sealed class MongoAssignmentStore(IMongoDatabase database) : MongoDocumentStore<AssignmentCursor>(database, CollectionName), IAssignmentStore
{
    public const string CollectionName = "assignment";
}
