namespace LeadPlatform.Storage;

/// <summary>What <see cref="DocumentUpdates.UpdateAsync{T}(IDocumentStore{T}, Guid, Func{T, Microsoft.Extensions.Logging.ILogger, bool}, UpdateOptions{T}?, CancellationToken)"/> did.</summary>
public enum UpdateOutcome
{
    /// <summary>No document with that id (and none to create): nothing written, the change not applied.</summary>
    NotFound,

    /// <summary>The change found nothing to do (it returned false): nothing written.</summary>
    Unchanged,

    /// <summary>The change was applied and written with the version check (or inserted, for a document it created).</summary>
    Updated,

    /// <summary>
    /// Every attempt lost to another writer and the caller asked for an outcome rather than an exception
    /// (<see cref="UpdateOptions{T}.ConflictIsOutcome"/>): nothing written; the document is the last attempt's, not stored.
    /// </summary>
    Conflicted,
}
