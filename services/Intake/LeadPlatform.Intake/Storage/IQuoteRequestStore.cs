using LeadPlatform.Storage;

namespace LeadPlatform.Intake.Storage;

/// <summary>
/// Intake's store: accepted quote requests, each with its outbox. <see cref="QuoteRequestDocument.DedupeKey"/> is
/// unique: <see cref="IDocumentStore{T}.TryInsertAsync"/> returns false for a second document with the same key.
/// </summary>
public interface IQuoteRequestStore : IDocumentStore<QuoteRequestDocument>
{
    /// <summary>
    /// The leads of earlier requests that share this email key or phone key, each with what matched and whether one of its
    /// requests carries the same identity key (the same person coming back), the earliest lead first. Erased requests hold
    /// no keys and match nothing.
    /// </summary>
    Task<IReadOnlyList<LeadMatch>> FindMatchingLeadsAsync(string? emailKey, string? phoneKey, string? identityKey, CancellationToken cancellationToken = default);

    /// <summary>Every request of a lead, oldest first.</summary>
    Task<IReadOnlyList<QuoteRequestDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that qualification decided the request: its <see cref="QuoteRequestDocument.Status"/> (qualified or
    /// disqualified), no tier (intake tells no one what was decided), and <see cref="QuoteRequestDocument.UpdatedAt"/>; the
    /// version goes up. Only those fields are written: the submission's personal data is neither opened nor sealed again.
    /// <see cref="UpdateOutcome.Unchanged"/> when the request already has that status and no tier (a redelivery),
    /// <see cref="UpdateOutcome.NotFound"/> when there is no such request.
    /// </summary>
    Task<UpdateOutcome> MarkDecidedAsync(Guid id, string status, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);

    /// <summary>The request holding this dedupe key, if any.</summary>
    Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default);
}
