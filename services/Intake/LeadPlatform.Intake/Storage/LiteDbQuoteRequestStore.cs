using LeadPlatform.ServiceDefaults.Storage;
using LiteDB;

namespace LeadPlatform.Intake.Storage;

public sealed class LiteDbQuoteRequestStore : LiteDbDocumentStore<QuoteRequestDocument>, IQuoteRequestStore
{
    public const string CollectionName = "quote_requests";

    public LiteDbQuoteRequestStore(LiteDatabase database) : base(database, CollectionName)
    {
        Collection.EnsureIndex(x => x.EmailKey);
        Collection.EnsureIndex(x => x.PhoneKey);
    }

    public Task<Guid?> FindLeadIdAsync(string? emailKey, string? phoneKey, CancellationToken cancellationToken = default)
    {
        if (emailKey is null && phoneKey is null) return Task.FromResult<Guid?>(null);
        var match = Collection.Query()
            .Where(x => (emailKey != null && x.EmailKey == emailKey) || (phoneKey != null && x.PhoneKey == phoneKey))
            .OrderBy(x => x.ReceivedAt)
            .FirstOrDefault();
        return Task.FromResult(match?.LeadId);
    }
}
