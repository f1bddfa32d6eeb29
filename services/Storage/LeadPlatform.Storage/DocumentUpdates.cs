using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadPlatform.Storage;

/// <summary>
/// The one way to change a stored document: read it, apply the change, write it with the version check, and on a
/// conflict do it all again on a fresh read, with one policy for every store and caller (<see cref="Attempts"/> attempts,
/// a short jittered pause between them; a caller may bound them lower, <see cref="UpdateOptions{T}.Attempts"/>, and take a
/// last lost race as an outcome instead of an exception, <see cref="UpdateOptions{T}.ConflictIsOutcome"/>). The change may run more than once: it must decide from the document it is given
/// (return false when there is nothing to do: nothing is written), and must not send or log directly; what it logs
/// through the logger it is given is written once, after the attempt that landed.
/// Built on the store's own read and versioned replace (<see cref="IDocumentStore{T}.GetAsync"/>,
/// <see cref="IDocumentStore{T}.ReplaceAsync"/>, <see cref="IDocumentStore{T}.TryInsertAsync"/>), so it behaves the same on
/// LiteDB, MongoDB and any decorator over a store.
/// </summary>
public static class DocumentUpdates
{
    /// <summary>
    /// Attempts before the conflict is let out (<see cref="ConcurrencyConflictException"/>: a consumer's bus retries the
    /// message). Enough for a document many writers want at once (the assignment round in a burst of decisions: each
    /// round of a group commit lets one of them through).
    /// </summary>
    public const int Attempts = 20;

    private static readonly ILogger Discard = NullLogger.Instance;

    public static Task<UpdateResult<T>> UpdateAsync<T>(this IDocumentStore<T> store, Guid id, Func<T, bool> change, CancellationToken cancellationToken = default)
        where T : StoredDocument =>
        store.UpdateAsync(id, (document, _) => change(document), null, cancellationToken);

    public static Task<UpdateResult<T>> UpdateAsync<T>(this IDocumentStore<T> store, Guid id, Func<T, ILogger, bool> change, UpdateOptions<T>? options,
        CancellationToken cancellationToken = default) where T : StoredDocument =>
        store.UpdateAsync(id, (document, log) => ValueTask.FromResult(change(document, log)), options, cancellationToken);

    /// <summary>The change may await (a look-up elsewhere); it still runs once per attempt and must not send or log directly.</summary>
    public static async Task<UpdateResult<T>> UpdateAsync<T>(this IDocumentStore<T> store, Guid id, Func<T, ILogger, ValueTask<bool>> change, UpdateOptions<T>? options,
        CancellationToken cancellationToken = default) where T : StoredDocument
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        var held = options?.Held is { } h && h.Id == id ? h : null;
        var heldMissing = held is null && options?.HeldMissing == true && options.Create is not null;
        var attempts = options?.Attempts ?? Attempts;
        if (attempts < 1) throw new ArgumentOutOfRangeException(nameof(options), attempts, "An update makes at least one attempt.");
        for (var attempt = 1; ; attempt++)
        {
            var first = attempt == 1;
            var document = first && held is not null ? held : first && heldMissing ? null : await store.GetAsync(id, cancellationToken);
            var created = false;
            if (document is null)
            {
                if (options?.Create is not { } create) return new UpdateResult<T>(UpdateOutcome.NotFound, null);
                document = create();
                document.Id = id;
                created = true;
            }

            var log = options?.Logger is { } logger ? new LogOnCommit(logger) : null;
            if (!await change(document, log ?? Discard))
            {
                log?.Commit();
                return new UpdateResult<T>(UpdateOutcome.Unchanged, created ? null : document);
            }

            bool landed;
            if (created)
            {
                landed = await store.TryInsertAsync(document, cancellationToken);
            }
            else
            {
                try
                {
                    await store.ReplaceAsync(document, cancellationToken);
                    landed = true;
                }
                catch (ConcurrencyConflictException) when (attempt < attempts || options?.ConflictIsOutcome == true)
                {
                    landed = false;
                }
            }

            if (landed)
            {
                log?.Commit();
                return new UpdateResult<T>(UpdateOutcome.Updated, document);
            }
            if (attempt >= attempts)
            {
                if (options?.ConflictIsOutcome == true) return new UpdateResult<T>(UpdateOutcome.Conflicted, document);
                throw new ConcurrencyConflictException(store.Name, id, document.Version);
            }
            await Task.Delay(Pause(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// Writes the document as the caller changed it, once, with the version check: false (nothing written) when someone
    /// changed it since it was read, whose change then stands (a second sender, a replica whose lease ran out). For a
    /// write that must not be redone on a fresh read; anything else is an <see cref="UpdateAsync{T}(IDocumentStore{T}, Guid, Func{T, bool}, CancellationToken)"/>.
    /// </summary>
    public static async Task<bool> TryReplaceHeldAsync<T>(this IDocumentStore<T> store, T document, CancellationToken cancellationToken = default)
        where T : StoredDocument
    {
        ArgumentNullException.ThrowIfNull(document);
        var written = await store.UpdateAsync(document.Id, (_, _) => true,
            new UpdateOptions<T> { Held = document, Attempts = 1, ConflictIsOutcome = true }, cancellationToken);
        return written.Updated;
    }

    /// <summary>The pause after the <paramref name="attempt"/>th lost race: none after the first, then up to 2, 4, 8 … ms (at most 50), at random.</summary>
    internal static TimeSpan Pause(int attempt) =>
        attempt <= 1 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(50, 1 << (attempt - 1)));
}
