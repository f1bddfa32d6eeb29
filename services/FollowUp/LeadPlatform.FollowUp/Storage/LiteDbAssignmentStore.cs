using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

public sealed class LiteDbAssignmentStore(LiteDatabase database) : LiteDbDocumentStore<AssignmentCursor>(database, CollectionName), IAssignmentStore
{
    public const string CollectionName = "assignment";
}
