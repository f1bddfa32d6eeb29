using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>Qualification's store: decisions and their reasons.</summary>
public interface IQualificationStore : IDocumentStore<QualificationDocument>
{
    /// <summary>All decisions about a lead, oldest first.</summary>
    Task<IReadOnlyList<QualificationDocument>> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default);

    /// <summary>Decisions in force, oldest first, after <paramref name="after"/> (the last id of the previous page).</summary>
    Task<IReadOnlyList<QualificationDocument>> FindCurrentAsync(Guid? after, int max, CancellationToken cancellationToken = default);
}
