using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Follow-up's <see cref="ExpiringMarker"/>s (no outbox).</summary>
public interface IMarkerStore : IDocumentStore<ExpiringMarker>;
