using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Intake.Storage;

/// <summary>Intake's store: accepted quote requests, each with its outbox.</summary>
public interface IQuoteRequestStore : IDocumentStore<QuoteRequestDocument>
{
    /// <summary>The lead of the earliest request with this email key or phone key, if any.</summary>
    Task<Guid?> FindLeadIdAsync(string? emailKey, string? phoneKey, CancellationToken cancellationToken = default);
}
