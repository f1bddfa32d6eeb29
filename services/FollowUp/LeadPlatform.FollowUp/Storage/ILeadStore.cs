using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Follow-up's store: leads with their tasks and timelines.</summary>
public interface ILeadStore : IDocumentStore<LeadDocument>
{
    /// <summary>Leads with an open task, the most urgent first.</summary>
    Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default);
}
