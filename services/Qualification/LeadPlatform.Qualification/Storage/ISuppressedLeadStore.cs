using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>Leads that opted out of every channel, as qualification learned from <c>LeadOptedOut</c>.</summary>
public interface ISuppressedLeadStore : IDocumentStore<SuppressedLeadDocument>;
