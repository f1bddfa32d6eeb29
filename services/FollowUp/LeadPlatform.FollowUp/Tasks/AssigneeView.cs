namespace LeadPlatform.FollowUp.Tasks;

/// <summary>Who has the task now: the coordinator's id (email) and display name, or both null.</summary>
public sealed record AssigneeView(Guid TaskId, Guid LeadId, string? Coordinator, string? Name);
