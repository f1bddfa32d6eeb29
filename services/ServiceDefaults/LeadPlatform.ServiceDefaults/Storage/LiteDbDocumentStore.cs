using LiteDB;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>
/// A document store on an embedded LiteDB file (the standalone host). LiteDB is synchronous and single-process;
/// a compare-and-replace takes a lock so that the version check and the write are one step. A write that fails for any
/// reason but a duplicate key marks the file failed until a restart (<see cref="LiteDbFailure"/>).
/// </summary>
public abstract class LiteDbDocumentStore<T> : DocumentStore<T> where T : StoredDocument
{
    private readonly Lock _writeLock = new();
    private readonly ILiteCollection<T> _collection;

    protected LiteDbDocumentStore(LiteDatabase database, string collectionName) : base(collectionName)
    {
        Database = database;
        _collection = database.GetCollection<T>(collectionName);
        Collection.EnsureIndex(x => x.HasPendingOutbox);
    }

    protected LiteDatabase Database { get; }
    protected ILiteCollection<T> Collection
    {
        get
        {
            LiteDbFailure.ThrowIfFailed(Database);
            return _collection;
        }
    }

    public override Task<T?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult<T?>(Collection.FindById(id));

    public override Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(Collection.LongCount());

    public override Task PingAsync(CancellationToken cancellationToken)
    {
        _ = Collection.Count();
        return Task.CompletedTask;
    }

    protected override Task<bool> InsertCoreAsync(T document, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            try
            {
                Collection.Insert(document);
                return Task.FromResult(true);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return Task.FromResult(false);
            }
            catch (Exception ex) when (LiteDbFailure.IsFileFailure(ex))
            {
                throw LiteDbFailure.Fail(Database, Name, ex);
            }
        }
    }

    protected override Task<bool> ReplaceCoreAsync(T document, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            var current = Collection.FindById(document.Id);
            if (current is null || current.Version != expectedVersion) return Task.FromResult(false);
            try
            {
                return Task.FromResult(Collection.Update(document));
            }
            catch (Exception ex) when (LiteDbFailure.IsFileFailure(ex))
            {
                throw LiteDbFailure.Fail(Database, Name, ex);
            }
        }
    }

    protected override Task<IReadOnlyList<T>> FindPendingCoreAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(Collection.Find(x => x.HasPendingOutbox, limit: max).ToList());
}
