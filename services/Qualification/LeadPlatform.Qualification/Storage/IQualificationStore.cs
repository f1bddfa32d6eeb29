using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>Qualification's store: decisions and their reasons.</summary>
public interface IQualificationStore : IDocumentStore<QualificationDocument>
{
    /// <summary>All decisions about a lead, oldest first.</summary>
    Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default);
}
