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
        // LiteDB's unique indexes count null as a value: documents written before the dedupe key existed get their own
        // never-colliding key first, so the unique index can be built over them.
        Collection.UpdateMany(
            BsonExpression.Create("{ DedupeKey: 'request:' + STRING($._id) }"),
            BsonExpression.Create("$.DedupeKey = null"));
        Collection.EnsureIndex(x => x.DedupeKey, unique: true);
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

    public Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<QuoteRequestDocument?>(Collection.FindOne(x => x.DedupeKey == dedupeKey));
}
