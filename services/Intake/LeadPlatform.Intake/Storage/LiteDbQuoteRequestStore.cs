using LeadPlatform.ServiceDefaults.Storage;
using LiteDB;

namespace LeadPlatform.Intake.Storage;

public sealed class LiteDbQuoteRequestStore : LiteDbDocumentStore<QuoteRequestDocument>, IQuoteRequestStore
{
    public const string CollectionName = "quote_requests";

    public LiteDbQuoteRequestStore(LiteDatabase database) : base(database, CollectionName)
    {
        Collection.EnsureIndex(x => x.LeadId);
        Collection.EnsureIndex(x => x.EmailKey);
        Collection.EnsureIndex(x => x.PhoneKey);
        // LiteDB's unique indexes count null as a value: documents written before the dedupe key existed get their own
        // never-colliding key first, so the unique index can be built over them.
        Collection.UpdateMany(
            BsonExpression.Create("{ DedupeKey: 'request:' + STRING($._id) }"),
            BsonExpression.Create("$.DedupeKey = null"));
        Collection.EnsureIndex(x => x.DedupeKey, unique: true);
    }

    /// <summary>
    /// Two index seeks, one per key, and the earliest match taken in memory (a person has a handful of requests).
    /// One query with an OR of both keys is served by neither index (LiteDB scans the whole collection), and an
    /// OrderBy costs a sort pipeline on every call, even when the seek finds nothing. The hot-path queries are written as
    /// <see cref="Query.EQ"/> on the field, not as lambdas: LiteDB translates a lambda that captures a variable by compiling
    /// a delegate for the variable's value on every call (a dynamic method each time), which cost intake more CPU than the write.
    /// </summary>
    public Task<Guid?> FindLeadIdAsync(string? emailKey, string? phoneKey, CancellationToken cancellationToken = default)
    {
        var matches = new List<QuoteRequestDocument>();
        if (emailKey is not null) matches.AddRange(Collection.Find(Query.EQ(nameof(QuoteRequestDocument.EmailKey), emailKey)));
        if (phoneKey is not null) matches.AddRange(Collection.Find(Query.EQ(nameof(QuoteRequestDocument.PhoneKey), phoneKey)));
        return Task.FromResult(matches.Count == 0 ? null : (Guid?)matches.MinBy(x => x.ReceivedAt)!.LeadId);
    }

    public Task<IReadOnlyList<QuoteRequestDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QuoteRequestDocument>>(Collection.Find(Query.EQ(nameof(QuoteRequestDocument.LeadId), leadId)).OrderBy(x => x.ReceivedAt).ToList());

    public Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<QuoteRequestDocument?>(Collection.FindOne(Query.EQ(nameof(QuoteRequestDocument.DedupeKey), dedupeKey)));
}
