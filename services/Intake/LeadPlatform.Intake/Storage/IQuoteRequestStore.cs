using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Intake.Storage;

/// <summary>
/// Intake's store: accepted quote requests, each with its outbox. <see cref="QuoteRequestDocument.DedupeKey"/> is
/// unique: <see cref="IDocumentStore{T}.TryInsertAsync"/> returns false for a second document with the same key.
/// </summary>
public interface IQuoteRequestStore : IDocumentStore<QuoteRequestDocument>
{
    /// <summary>The lead of the earliest request with this email key or phone key, if any.</summary>
    Task<Guid?> FindLeadIdAsync(string? emailKey, string? phoneKey, CancellationToken cancellationToken = default);

    /// <summary>Every request of a lead, oldest first.</summary>
    Task<IReadOnlyList<QuoteRequestDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default);

    /// <summary>The request holding this dedupe key, if any.</summary>
    Task<QuoteRequestDocument?> FindByDedupeKeyAsync(string dedupeKey, CancellationToken cancellationToken = default);
}
