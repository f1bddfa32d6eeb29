using MongoDB.Driver;

namespace LeadPlatform.Storage;

/// <summary>
/// A document store on MongoDB (the distributed services). Works on a standalone server: every write is a
/// single-document operation, the version check is part of the replace filter, and nothing needs a transaction.
/// </summary>
public abstract class MongoDocumentStore<T> : DocumentStore<T> where T : StoredDocument
{
    private readonly Lock _indexLock = new();
    private Task? _indexes;

    protected MongoDocumentStore(IMongoDatabase database, string collectionName) : base(collectionName)
    {
        MongoConventions.EnsureRegistered();
        Database = database;
        Collection = database.GetCollection<T>(collectionName);
    }

    protected IMongoDatabase Database { get; }
    protected IMongoCollection<T> Collection { get; }

    public static FilterDefinitionBuilder<T> Filter => Builders<T>.Filter;

    public static FilterDefinition<T> ById(Guid id) => Filter.Eq(x => x.Id, id);

    public static FilterDefinition<T> ByIdAndVersion(Guid id, long version) =>
        Filter.And(Filter.Eq(x => x.Id, id), Filter.Eq(x => x.Version, version));

    public static FilterDefinition<T> PendingOutbox() => Filter.Eq(x => x.HasPendingOutbox, true);

    /// <summary>The indexes this collection needs; a store adds its own to the outbox one.</summary>
    public virtual IEnumerable<CreateIndexModel<T>> IndexModels() =>
    [
        new(Builders<T>.IndexKeys.Ascending(x => x.HasPendingOutbox), new CreateIndexOptions { Name = "pending_outbox" }),
    ];

    /// <summary>
    /// The collection's indexes, created once and shared by every caller; a failed attempt (server unreachable at start-up)
    /// is tried again on the next call. A caller stops waiting when its own token is
    /// cancelled (the creation goes on for the others): with the server unreachable the creation waits out the driver's
    /// 30 s server selection, and a bounded read (a health check, a key ring read at start) or a stopping host must not.
    /// </summary>
    protected Task EnsureIndexesAsync(CancellationToken cancellationToken = default)
    {
        lock (_indexLock)
        {
            if (_indexes is null || _indexes.IsFaulted || _indexes.IsCanceled)
                _indexes = Collection.Indexes.CreateManyAsync(IndexModels());
            return _indexes.IsCompleted ? _indexes : _indexes.WaitAsync(cancellationToken);
        }
    }

    public override async Task<T?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
    }

    public override Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Collection.CountDocumentsAsync(Filter.Empty, cancellationToken: cancellationToken);

    public override Task PingAsync(CancellationToken cancellationToken) =>
        Database.RunCommandAsync((Command<MongoDB.Bson.BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    protected override async Task<bool> InsertCoreAsync(T document, CancellationToken cancellationToken)
    {
        await EnsureIndexesAsync(cancellationToken);
        try
        {
            await Collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    protected override async Task<bool> ReplaceCoreAsync(T document, long expectedVersion, CancellationToken cancellationToken)
    {
        await EnsureIndexesAsync(cancellationToken);
        var result = await Collection.ReplaceOneAsync(ByIdAndVersion(document.Id, expectedVersion), document, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    protected override async Task<IReadOnlyList<T>> FindPendingCoreAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(PendingOutbox()).Limit(max).ToListAsync(cancellationToken);
    }
}
