using MongoDB.Driver;
using LeadPlatform.Storage;

namespace LeadPlatform.Intake.Storage;

public sealed class MongoQuoteRequestStore(IMongoDatabase database)
    : MongoDocumentStore<QuoteRequestDocument>(database, CollectionName), IQuoteRequestStore
{
    public const string CollectionName = "quote_requests";

    public static FilterDefinition<QuoteRequestDocument> SamePerson(string? emailKey, string? phoneKey)
    {
        var filters = new List<FilterDefinition<QuoteRequestDocument>>();
        if (emailKey is not null) filters.Add(Filter.Eq(x => x.EmailKey, emailKey));
        if (phoneKey is not null) filters.Add(Filter.Eq(x => x.PhoneKey, phoneKey));
        return filters.Count == 1 ? filters[0] : Filter.Or(filters);
    }

    public static FilterDefinition<QuoteRequestDocument> ByDedupeKey(string dedupeKey) => Filter.Eq(x => x.DedupeKey, dedupeKey);

    /// <summary>
    /// The dedupe key is unique. The index is partial (documents that have the field), so documents written before the
    /// key existed do not collide on a missing value; every document written since has one.
    /// </summary>
    public override IEnumerable<CreateIndexModel<QuoteRequestDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<QuoteRequestDocument>.IndexKeys.Ascending(x => x.LeadId), new CreateIndexOptions { Name = "lead" }),
        new(Builders<QuoteRequestDocument>.IndexKeys.Ascending(x => x.EmailKey), new CreateIndexOptions { Name = "email_key", Sparse = true }),
        new(Builders<QuoteRequestDocument>.IndexKeys.Ascending(x => x.PhoneKey), new CreateIndexOptions { Name = "phone_key", Sparse = true }),
        new(Builders<QuoteRequestDocument>.IndexKeys.Ascending(x => x.DedupeKey), new CreateIndexOptions<QuoteRequestDocument>
        {
            Name = "dedupe_key",
            Unique = true,
            PartialFilterExpression = Filter.Exists(x => x.DedupeKey),
        }),
    ];

    public async Task<IReadOnlyList<LeadMatch>> FindMatchingLeadsAsync(string? emailKey, string? phoneKey, string? identityKey, CancellationToken cancellationToken = default)
    {
        if (emailKey is null && phoneKey is null) return [];
        await EnsureIndexesAsync(cancellationToken);
        var matches = await Collection.Find(SamePerson(emailKey, phoneKey))
            .Project(x => new { x.Id, x.LeadId, x.ReceivedAt, x.EmailKey, x.PhoneKey, x.IdentityKey, x.ErasedAt })
            .Limit(200)
            .ToListAsync(cancellationToken);
        return LeadMatch.Of(matches.Select(x => new QuoteRequestDocument
        {
            Id = x.Id, LeadId = x.LeadId, ReceivedAt = x.ReceivedAt, EmailKey = x.EmailKey, PhoneKey = x.PhoneKey, IdentityKey = x.IdentityKey, ErasedAt = x.ErasedAt,
        }), emailKey, phoneKey, identityKey);
    }

    public async Task<IReadOnlyList<QuoteRequestDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Eq(x => x.LeadId, leadId)).SortBy(x => x.ReceivedAt).ToListAsync(cancellationToken);
    }

    /// <summary>One <c>UpdateOne</c> on status, tier, time and version: the sealed submission is neither read nor rewritten.</summary>
    public async Task<UpdateOutcome> MarkDecidedAsync(Guid id, string status, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        var notYet = Filter.And(ById(id), Filter.Or(Filter.Ne(x => x.Status, status), Filter.Ne(x => x.Tier, null)));
        var update = Builders<QuoteRequestDocument>.Update
            .Set(x => x.Status, status)
            .Set(x => x.Tier, null)
            .Set(x => x.UpdatedAt, StoredTime.Truncate(updatedAt))
            .Inc(x => x.Version, 1);
        var result = await Collection.UpdateOneAsync(notYet, update, cancellationToken: cancellationToken);
        if (result.MatchedCount == 1) return UpdateOutcome.Updated;
        return await Collection.Find(ById(id)).Project(x => x.Id).Limit(1).AnyAsync(cancellationToken) ? UpdateOutcome.Unchanged : UpdateOutcome.NotFound;
    }

    public async Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByDedupeKey(dedupeKey)).FirstOrDefaultAsync(cancellationToken);
    }
}
