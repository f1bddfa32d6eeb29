using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Audit;

/// <summary>The read audit: one record per reading of a lead's personal data (no outbox: it publishes nothing).</summary>
public interface ILeadAccessStore : IDocumentStore<LeadAccessRecord>
{
    /// <summary>The lead's records, the newest first.</summary>
    Task<IReadOnlyList<LeadAccessRecord>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default);
}
