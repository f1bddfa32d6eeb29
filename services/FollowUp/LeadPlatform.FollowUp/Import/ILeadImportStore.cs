using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Import;

/// <summary>The CSV imports, with their outbox (applying one publishes its rows' submissions).</summary>
public interface ILeadImportStore : IDocumentStore<LeadImport>
{
    /// <summary>The newest imports first.</summary>
    Task<IReadOnlyList<LeadImport>> RecentAsync(int max, CancellationToken cancellationToken = default);
}
