using System.Threading.Channels;
using LiteDB;

namespace LeadPlatform.Storage;

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
    private const string ById = "_id = @0";
    private const string VersionOnly = $"{{ {nameof(StoredDocument.Version)}: $.{nameof(StoredDocument.Version)} }}";
    private const string VersionAndOutbox = $"{{ {nameof(StoredDocument.Version)}: $.{nameof(StoredDocument.Version)}, {nameof(StoredDocument.Outbox)}: $.{nameof(StoredDocument.Outbox)} }}";
    /// <summary>
    /// Synchronous continuations: the only one is the writer's wait, so a write wakes the writer thread directly instead of
    /// through a thread-pool work item that then wakes it (a hop a busy machine made cost milliseconds per batch).
    /// </summary>
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly Thread _writer;
    private readonly ILiteCollection<T> _collection;
    private readonly ILiteCollection<BsonDocument> _raw;

    protected LiteDbDocumentStore(LiteDatabase database, string collectionName) : base(collectionName)
    {
        Database = database;
        _collection = database.GetCollection<T>(collectionName);
        _raw = database.GetCollection(collectionName);
        LiteDbMaps.Build(database.Mapper, typeof(T)); // before any read: LiteDB builds a type's map unsafely on first use
        Collection.EnsureIndex(x => x.HasPendingOutbox);
        // LiteDB binds an explicit transaction to the thread that began it: the batches need a thread of their own.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = $"LiteDB writer {collectionName}" };
        _writer.Start();
    }

    protected LiteDatabase Database { get; }

    /// <summary>
    /// True for a store whose inserts always carry an id made for them (<see cref="Ids.New"/>), never one that may exist:
    /// the insert then skips the lookup of its id (as much as 40% of an insert's work on the writer in a profile of intake).
    /// An id that did exist is still refused (false), through the index's exception and the write-by-write path.
    /// </summary>
    protected virtual bool InsertsNewIds => false;
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

    protected override Task<bool> InsertCoreAsync(T document, CancellationToken cancellationToken) => Enqueue(document, expectedVersion: null);

    protected override Task<bool> ReplaceCoreAsync(T document, long expectedVersion, CancellationToken cancellationToken) => Enqueue(document, expectedVersion);

    protected override Task<IReadOnlyList<T>> FindPendingCoreAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(Collection.Find(x => x.HasPendingOutbox, limit: max).ToList());

    /// <summary>
    /// Only what the dispatcher needs: each pending document's id and outbox, read from the stored BSON. Mapping the whole
    /// document would open every sealed personal field of it (and its timeline) only to publish its events.
    /// </summary>
    public override Task<IReadOnlyList<StoredDocument>> FindPendingOutboxAsync(int max, CancellationToken cancellationToken)
    {
        LiteDbFailure.ThrowIfFailed(Database);
        var pending = _raw.Find(LiteDbQuery.Equal(nameof(StoredDocument.HasPendingOutbox), true), limit: max)
            .Select(raw => (StoredDocument)new PendingOutbox
            {
                Id = raw["_id"].AsGuid,
                Version = raw[nameof(StoredDocument.Version)].AsInt64,
                Outbox = raw[nameof(StoredDocument.Outbox)] is { IsArray: true } outbox ? Database.Mapper.Deserialize<List<Outbox.OutboxEntry>>(outbox) : [],
                HasPendingOutbox = true,
            })
            .ToList();
        return Task.FromResult<IReadOnlyList<StoredDocument>>(pending);
    }

    /// <summary>
    /// One targeted write on the stored BSON (in the writer's batch, like every write): the entry's <c>SentAt</c> and the
    /// document's pending flag, nothing else read or rewritten, and the version left as it is, so a writer that read the
    /// document before the mark does not conflict with it (its replace keeps the mark: see <see cref="Apply"/>).
    /// </summary>
    public override Task<bool> MarkSentAsync(Guid documentId, Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Enqueue(new Write(null, null, () => MarkSent(documentId, messageId, StoredTime.Truncate(sentAt))));

    /// <summary>
    /// A change to fields that are not sealed, made on the stored BSON in the writer's batch, like every write: nothing of the
    /// document is mapped, opened or sealed again (a read and a replace would open and re-seal all its personal data to
    /// change one field). The version goes up as with a replace, so a writer that read the document before conflicts.
    /// <paramref name="change"/> may run more than once (a batch that fails is run again write by write) and returns
    /// whether it changed anything. The outcome: <see cref="UpdateOutcome.NotFound"/>, <see cref="UpdateOutcome.Unchanged"/>
    /// or <see cref="UpdateOutcome.Updated"/>.
    /// </summary>
    protected async Task<UpdateOutcome> UpdateStoredAsync(Guid id, Func<BsonDocument, bool> change)
    {
        var found = false;
        var updated = await Enqueue(new Write(null, null, () =>
        {
            LiteDbFailure.ThrowIfFailed(Database);
            var raw = _raw.FindById(id);
            found = raw is not null;
            if (raw is null || !change(raw)) return false;
            raw[nameof(StoredDocument.Version)] = raw[nameof(StoredDocument.Version)].AsInt64 + 1;
            return _raw.Update(raw);
        }));
        return updated ? UpdateOutcome.Updated : found ? UpdateOutcome.Unchanged : UpdateOutcome.NotFound;
    }

    /// <summary>Stops the writer once the writes already queued are committed.</summary>
    public void Dispose()
    {
        _writes.Writer.TryComplete();
        if (Thread.CurrentThread != _writer) _writer.Join(TimeSpan.FromSeconds(10));
        LiteDbFailure.Abandon(Database);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The document is mapped to BSON here, on the caller's thread (with its personal data sealed: JSON and AES-GCM per
    /// sealed part), not on the one writer thread: callers map side by side, and the writer's batch, which every caller
    /// waits for, holds only the database's own work. The write stores the document as it was when it was handed over.
    /// </summary>
    private Task<bool> Enqueue(T document, long? expectedVersion)
    {
        BsonDocument bson;
        try
        {
            LiteDbFailure.ThrowIfFailed(Database);
            bson = Database.Mapper.ToDocument(document);
        }
#pragma warning disable CA1031 // Reported through the task, as a failure in the writer is.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<bool>(ex);
        }
        return Enqueue(new Write(document, expectedVersion) { Bson = bson });
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

    /// <summary>
    /// An insert (false: the id or a unique key exists) or a replace that holds only if the stored version is the expected
    /// one. Outbox marks do not change the version (<see cref="MarkSentAsync"/>): a replace carries over every mark made
    /// since its document was read, so an event marked sent is never pending again.
    /// </summary>
    private bool Apply(Write write)
    {
        if (write.Action is { } action) return action();
        LiteDbFailure.ThrowIfFailed(Database);
        var document = write.Document!;
        var bson = write.Bson!;
        if (write.ExpectedVersion is not { } expected)
        {
            // An id that exists is refused by a lookup, not by the index's exception: an exception here would roll back every
            // write committed beside it and send them down the one-by-one path (two events of a new lead both insert it).
            // A store whose ids are new on every insert skips the lookup (InsertsNewIds): for it that path is never taken.
            if (!InsertsNewIds && _raw.FindById(document.Id) is not null) return false;
            _raw.Insert(bson);
            return true;
        }
        // Only the stored version (and the outbox, whose marks are carried over) is read: LiteDB deserialises only the fields a
        // query's projection names, where reading the whole stored document (its timeline, every sealed part) was the largest
        // allocation per write. Mapping it to T would also unseal every personal field just to compare a number.
        var current = _raw.Query().Where(ById, new BsonValue(document.Id))
            .Select(BsonExpression.Create(document.HasPendingOutbox ? VersionAndOutbox : VersionOnly)).FirstOrDefault();
        if (current is null || current[nameof(StoredDocument.Version)] is not { IsNumber: true } version || version.AsInt64 != expected) return false;
        KeepMarks(current, document, bson);
        return _raw.Update(bson);
    }

    /// <summary>The marks stored since <paramref name="document"/> was read, carried over to it and to its BSON.</summary>
    private static void KeepMarks(BsonDocument current, T document, BsonDocument bson)
    {
        if (!document.HasPendingOutbox || current[nameof(StoredDocument.Outbox)] is not { IsArray: true } stored) return;
        var marked = false;
        foreach (var entry in stored.AsArray)
        {
            if (!entry.IsDocument || entry["SentAt"] is not { IsDateTime: true } sentAt) continue;
            var messageId = entry[nameof(Outbox.OutboxEntry.MessageId)];
            if (document.Outbox.Find(e => e.SentAt is null && messageId.IsGuid && e.MessageId == messageId.AsGuid) is not { } mine) continue;
            mine.SentAt = new DateTimeOffset(DateTime.SpecifyKind(sentAt.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
            if (bson[nameof(StoredDocument.Outbox)] is { IsArray: true } outbox
                && outbox.AsArray.FirstOrDefault(e => e.IsDocument && e[nameof(Outbox.OutboxEntry.MessageId)] == messageId) is { } written)
                written["SentAt"] = sentAt;
            marked = true;
        }
        if (!marked) return;
        document.RefreshOutboxFlag();
        bson[nameof(StoredDocument.HasPendingOutbox)] = document.HasPendingOutbox;
    }

    private bool MarkSent(Guid documentId, Guid messageId, DateTimeOffset sentAt)
    {
        var raw = _raw.FindById(documentId);
        if (raw?[nameof(StoredDocument.Outbox)] is not { IsArray: true } outbox) return false;
        var entry = outbox.AsArray.FirstOrDefault(e => e.IsDocument && e[nameof(Outbox.OutboxEntry.MessageId)] is { IsGuid: true } id && id.AsGuid == messageId);
        if (entry is null || entry["SentAt"] is { IsNull: false }) return false;
        entry["SentAt"] = new BsonValue(sentAt.UtcDateTime);
        raw[nameof(StoredDocument.HasPendingOutbox)] = outbox.AsArray.Any(e => e.IsDocument && e["SentAt"].IsNull);
        return _raw.Update(raw);
    }

    /// <summary>What the outbox scan returns: a document's id, version and outbox, nothing else of it.</summary>
    private sealed class PendingOutbox : StoredDocument;

    private sealed record Write(T? Document, long? ExpectedVersion, Func<bool>? Action = null)
    {
        /// <summary>The document as BSON, mapped by the caller (<see cref="Enqueue(T, long?)"/>).</summary>
        public BsonDocument? Bson { get; init; }

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
