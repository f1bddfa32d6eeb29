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

    /// <summary>The request holding this dedupe key, if any.</summary>
    Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default);
}
