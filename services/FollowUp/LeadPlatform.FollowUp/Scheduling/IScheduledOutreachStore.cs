using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>Scheduled outreach (no outbox: sending publishes through the lead).</summary>
public interface IScheduledOutreachStore : IDocumentStore<ScheduledOutreach>
{
    /// <summary>Scheduled items due at <paramref name="now"/> that no replica holds a live lease on, the earliest first.</summary>
    Task<IReadOnlyList<ScheduledOutreach>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>One lead's scheduled outreach (any status), the newest first.</summary>
    Task<IReadOnlyList<ScheduledOutreach>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default);

    /// <summary>Everything still waiting, the earliest due first.</summary>
    Task<IReadOnlyList<ScheduledOutreach>> WaitingAsync(int max, CancellationToken cancellationToken = default);
}
