using Microsoft.Extensions.Logging;

namespace LeadPlatform.Storage;

/// <summary>How an update starts and what it logs through (all optional).</summary>
public sealed class UpdateOptions<T> where T : StoredDocument
{
    /// <summary>
    /// The document as the caller has just read (or written) it: the first attempt applies the change to it instead of
    /// reading it again; a conflict makes the next attempt read afresh. Ignored unless its id is the update's.
    /// </summary>
    public T? Held { get; init; }

    /// <summary>The caller has just looked and the document is not there: the first attempt creates it without a read (needs <see cref="Create"/>).</summary>
    public bool HeldMissing { get; init; }

    /// <summary>
    /// Makes the document when there is none with the id: the change is applied to it and it is inserted (someone else
    /// inserting it first counts as a conflict: the next attempt reads theirs). Null: a missing document is <see cref="UpdateOutcome.NotFound"/>.
    /// </summary>
    public Func<T>? Create { get; init; }

    /// <summary>
    /// Where what the change logs goes, once its write has landed (<see cref="LogOnCommit"/>): an attempt lost to a
    /// conflict logs nothing. Null: the change's logger discards.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// At most this many attempts (null: <see cref="DocumentUpdates.Attempts"/>). 1: write what the first attempt made, or
    /// lose to whoever changed the document meanwhile (a lease that ran out, a second sender).
    /// </summary>
    public int? Attempts { get; init; }

    /// <summary>
    /// A last attempt lost to a conflict is <see cref="UpdateOutcome.Conflicted"/> (nothing written, the caller decides)
    /// instead of a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public bool ConflictIsOutcome { get; init; }

    public static UpdateOptions<T> From(T? held, ILogger? logger = null) => new() { Held = held, Logger = logger };
}
