using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Follow-up's store: leads with their tasks, timelines, outreach and evidence.</summary>
public interface ILeadStore : IDocumentStore<LeadDocument>
{
    /// <summary>Leads with an open task, the most urgent first.</summary>
    Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Leads with an open task due at or before <paramref name="now"/> that is not escalated yet, the most overdue first.</summary>
    Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Leads whose phone number (E.164, as intake normalised it) is <paramref name="e164"/>: an inbound SMS's sender.</summary>
    Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default);
}
