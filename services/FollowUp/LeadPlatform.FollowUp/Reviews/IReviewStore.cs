using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>Follow-up's review queue: messages held for a compliance officer (no outbox: deciding publishes through the lead).</summary>
public interface IReviewStore : IDocumentStore<ReviewItem>
{
    /// <summary>Reviews in one status (null: any), the oldest first.</summary>
    Task<IReadOnlyList<ReviewItem>> ListAsync(string? status, int max, CancellationToken cancellationToken = default);

    /// <summary>One lead's reviews, the newest first.</summary>
    Task<IReadOnlyList<ReviewItem>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default);
}
