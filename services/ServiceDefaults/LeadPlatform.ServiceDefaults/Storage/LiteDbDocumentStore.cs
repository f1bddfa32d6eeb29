using System.Threading.Channels;
using LiteDB;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>
/// A document store on an embedded LiteDB file (the standalone host). LiteDB is synchronous, single-process, and makes
/// every commit durable before it returns, so one commit per write would cap a store at one disk flush per request and
/// park a thread-pool thread on a lock for each waiting caller.
/// Instead every write goes to one writer thread that commits whatever is queued as one transaction (group commit):
/// one flush for the whole batch, and each caller's task completes only after the commit that holds its write. The
/// writes of a batch run in order, so a compare-and-replace sees the writes queued before it. If anything in a batch
/// fails (a duplicate key, say), the batch is rolled back and its writes run again one by one, each with its own result.
/// A write that fails on the file itself (I/O) marks the file failed until a restart (<see cref="LiteDbFailure"/>):
/// LiteDB's in-memory state cannot be trusted after it.
/// </summary>
public abstract class LiteDbDocumentStore<T> : DocumentStore<T>, IDisposable where T : StoredDocument
{
    private const int MaxBatch = 256;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly ILiteCollection<T> _collection;
    private readonly ILiteCollection<BsonDocument> _raw;

    protected LiteDbDocumentStore(LiteDatabase database, string collectionName) : base(collectionName)
    {
        Database = database;
        _collection = database.GetCollection<T>(collectionName);
        _raw = database.GetCollection(collectionName);
        Collection.EnsureIndex(x => x.HasPendingOutbox);
        // LiteDB binds an explicit transaction to the thread that began it: the batches need a thread of their own.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = $"LiteDB writer {collectionName}" };
        _writer.Start();
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

    /// <summary>
    /// A lookup by id (a count would read the whole index on every probe), off the caller's thread: LiteDB's calls block
    /// and ignore the token, so a file held by a long write makes the readiness probe answer "unhealthy" when its
    /// timeout passes instead of leaving the probe hanging.
    /// </summary>
    public override Task PingAsync(CancellationToken cancellationToken) =>
        Task.Run(() => { _ = Collection.FindById(Guid.Empty); }, cancellationToken).WaitAsync(cancellationToken);

    protected override Task<bool> InsertCoreAsync(T document, CancellationToken cancellationToken) =>
        Enqueue(new Write(document, ExpectedVersion: null));

    protected override Task<bool> ReplaceCoreAsync(T document, long expectedVersion, CancellationToken cancellationToken) =>
        Enqueue(new Write(document, expectedVersion));

    protected override Task<IReadOnlyList<T>> FindPendingCoreAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(Collection.Find(x => x.HasPendingOutbox, limit: max).ToList());

    /// <summary>Stops the writer once the writes already queued are committed.</summary>
    public void Dispose()
    {
        _writes.Writer.TryComplete();
        if (Thread.CurrentThread != _writer) _writer.Join(TimeSpan.FromSeconds(10));
        LiteDbFailure.Abandon(Database);
        GC.SuppressFinalize(this);
    }

    private Task<bool> Enqueue(Write write)
    {
        if (!_writes.Writer.TryWrite(write)) throw new ObjectDisposedException(Name, "The store is closed.");
        return write.Done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<Write>(MaxBatch);
        while (_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write)) batch.Add(write);
            try
            {
                if (batch.Count == 1 || !TryCommitTogether(batch))
                {
                    foreach (var write in batch) RunAlone(write);
                }
            }
#pragma warning disable CA1031 // This thread must outlive any failure: an exception escaping it would end the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var failed = ex is StoreFailedException ? ex : LiteDbFailure.Fail(Database, Name, ex);
                foreach (var write in batch) write.Done.TrySetException(failed);
            }
        }
    }

    private bool TryCommitTogether(List<Write> batch)
    {
        var results = new bool[batch.Count];
        try
        {
            Database.BeginTrans();
            for (var i = 0; i < batch.Count; i++) results[i] = Apply(batch[i]);
            Database.Commit();
        }
        catch (Exception ex) when (ex is not StoreFailedException && LiteDbFailure.IsFileFailure(ex))
        {
            // The file refused the batch: nothing of it is trusted, nor anything after it until a restart.
            var failed = LiteDbFailure.Fail(Database, Name, ex);
            foreach (var write in batch) write.Done.TrySetException(failed);
            return true;
        }
#pragma warning disable CA1031 // Any other failure sends the batch down the one-by-one path, where each write gets its own outcome.
        catch (Exception)
#pragma warning restore CA1031
        {
            try
            {
                Database.Rollback();
            }
#pragma warning disable CA1031 // A rollback that fails means the engine's state is gone: the file is treated as failed.
            catch (Exception rollbackError)
#pragma warning restore CA1031
            {
                var failed = LiteDbFailure.Fail(Database, Name, rollbackError);
                foreach (var write in batch) write.Done.TrySetException(failed);
                return true;
            }
            return false;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        return true;
    }

    private void RunAlone(Write write)
    {
        try
        {
            write.Done.TrySetResult(Apply(write));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY && write.ExpectedVersion is null)
        {
            write.Done.TrySetResult(false);
        }
        catch (Exception ex) when (ex is not StoreFailedException && LiteDbFailure.IsFileFailure(ex))
        {
            write.Done.TrySetException(LiteDbFailure.Fail(Database, Name, ex));
        }
#pragma warning disable CA1031 // The caller gets the failure (intake answers 503); the writer goes on with the next write.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            write.Done.TrySetException(ex);
        }
    }

    /// <summary>An insert (false: the id or a unique key exists) or a replace that holds only if the stored version is the expected one.</summary>
    private bool Apply(Write write)
    {
        if (write.ExpectedVersion is not { } expected) return Collection.Insert(write.Document) is not null;
        // The stored version is read from the raw document: mapping it to T would unseal every personal field just to compare a number.
        var current = _raw.FindById(write.Document.Id);
        return current is not null && current[nameof(StoredDocument.Version)] is { IsNumber: true } version && version.AsInt64 == expected
            && Collection.Update(write.Document);
    }

    private sealed record Write(T Document, long? ExpectedVersion)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
