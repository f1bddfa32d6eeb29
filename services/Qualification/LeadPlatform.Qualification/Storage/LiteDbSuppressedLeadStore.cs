using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

public sealed class LiteDbSuppressedLeadStore(LiteDatabase database)
    : LiteDbDocumentStore<SuppressedLeadDocument>(database, CollectionName), ISuppressedLeadStore
{
    public const string CollectionName = "suppressed_leads";
}
