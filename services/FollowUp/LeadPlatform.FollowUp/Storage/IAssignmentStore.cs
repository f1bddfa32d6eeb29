using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where the round-robin keeps its place (<see cref="AssignmentCursor"/>), beside the leads in follow-up's database.</summary>
public interface IAssignmentStore : IDocumentStore<AssignmentCursor>;
