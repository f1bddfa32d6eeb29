using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>The clinic's disclaimer approvals (no outbox: an approval publishes nothing on the bus).</summary>
public interface IDisclaimerApprovalStore : IDocumentStore<DisclaimerApproval>
{
    /// <summary>Every approval, the oldest first.</summary>
    Task<IReadOnlyList<DisclaimerApproval>> ListAsync(int max, CancellationToken cancellationToken = default);
}
