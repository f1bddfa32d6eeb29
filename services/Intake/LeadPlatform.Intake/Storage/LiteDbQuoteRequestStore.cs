using System.Runtime.CompilerServices;
using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.Intake.Storage;

public sealed class LiteDbQuoteRequestStore : LiteDbDocumentStore<QuoteRequestDocument>, IQuoteRequestStore
{
    public const string CollectionName = "quote_requests";
    private static readonly ConditionalWeakTable<LiteDatabase, KnownContactKeys> KeysOfFile = [];
    private readonly KnownContactKeys _known;

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
        var known = new KnownContactKeys();
        _known = KeysOfFile.GetValue(database, _ => known);
        if (ReferenceEquals(_known, known))
        {
            var requests = database.GetCollection(CollectionName);
            _ = Task.Factory.StartNew(() => known.Load(requests), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>A quote request's id is made for its insert (<see cref="Ids.New"/>, <c>QuoteRequestRecorder</c>): no lookup of it first.</summary>
    protected override bool InsertsNewIds => true;

    /// <summary>Completes once the contact keys of the requests stored before this file was opened are known (<see cref="KnownContactKeys"/>).</summary>
    internal Task ContactKeysLoaded => _known.Loaded;

    // The only writes that set a request's email and phone keys: each adds them to the known keys before it is queued.
    protected override Task<bool> InsertCoreAsync(QuoteRequestDocument document, CancellationToken cancellationToken)
    {
        _known.Add(document.EmailKey);
        _known.Add(document.PhoneKey);
        return base.InsertCoreAsync(document, cancellationToken);
    }

    protected override Task<bool> ReplaceCoreAsync(QuoteRequestDocument document, long expectedVersion, CancellationToken cancellationToken)
    {
        _known.Add(document.EmailKey);
        _known.Add(document.PhoneKey);
        return base.ReplaceCoreAsync(document, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Two index seeks, one per key, grouped by lead in memory (a person has a handful of requests). One query with an OR
    /// of both keys is served by neither index (LiteDB scans the whole collection). The queries are written as
    /// parameterised comparisons (<see cref="LiteDbQuery.Equal"/>), neither lambdas nor <c>Query.EQ</c>: LiteDB compiles a
    /// delegate for a lambda's captured value, and for <c>Query.EQ</c>'s value written into the expression, on every call,
    /// which cost intake more CPU than the write (13% of the standalone's CPU in a profile). A key that no stored request
    /// can hold (<see cref="KnownContactKeys"/>: a new person's, the usual case) is not looked up at all.
    /// </summary>
    public Task<IReadOnlyList<LeadMatch>> FindMatchingLeadsAsync(string? emailKey, string? phoneKey, string? identityKey, CancellationToken cancellationToken = default)
    {
        var matches = new List<QuoteRequestDocument>();
        if (_known.MayBeStored(emailKey)) matches.AddRange(Collection.Find(LiteDbQuery.Equal(nameof(QuoteRequestDocument.EmailKey), emailKey)));
        if (_known.MayBeStored(phoneKey)) matches.AddRange(Collection.Find(LiteDbQuery.Equal(nameof(QuoteRequestDocument.PhoneKey), phoneKey)));
        return Task.FromResult(LeadMatch.Of(matches.DistinctBy(x => x.Id), emailKey, phoneKey, identityKey));
    }

    public Task<IReadOnlyList<QuoteRequestDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QuoteRequestDocument>>(Collection.Find(LiteDbQuery.Equal(nameof(QuoteRequestDocument.LeadId), leadId)).OrderBy(x => x.ReceivedAt).ToList());

    /// <summary>A targeted change of the stored BSON (<see cref="LiteDbDocumentStore{T}.UpdateStoredAsync"/>): status, tier and time only.</summary>
    public Task<UpdateOutcome> MarkDecidedAsync(Guid id, string status, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        var at = Database.Mapper.Serialize(typeof(DateTimeOffset), StoredTime.Truncate(updatedAt));
        return UpdateStoredAsync(id, stored =>
        {
            var hasTier = stored.TryGetValue(nameof(QuoteRequestDocument.Tier), out var tier) && !tier.IsNull;
            if (stored[nameof(QuoteRequestDocument.Status)] is { IsString: true } current && current.AsString == status && !hasTier) return false;
            stored[nameof(QuoteRequestDocument.Status)] = status;
            stored.Remove(nameof(QuoteRequestDocument.Tier));
            stored[nameof(QuoteRequestDocument.UpdatedAt)] = at;
            return true;
        });
    }

    public Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<QuoteRequestDocument?>(Collection.FindOne(LiteDbQuery.Equal(nameof(QuoteRequestDocument.DedupeKey), dedupeKey)));
}
