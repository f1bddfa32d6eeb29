namespace LeadPlatform.Storage;

/// <summary>The outcome of an update and the document as the last attempt saw it (as written when <see cref="Updated"/>; null when not found).</summary>
public readonly record struct UpdateResult<T>(UpdateOutcome Outcome, T? Document) where T : StoredDocument
{
    public bool Updated => Outcome == UpdateOutcome.Updated;

    public bool Found => Outcome != UpdateOutcome.NotFound;

    /// <summary>Someone else's change won every attempt (only with <see cref="UpdateOptions{T}.ConflictIsOutcome"/>): nothing written.</summary>
    public bool Conflicted => Outcome == UpdateOutcome.Conflicted;
}
