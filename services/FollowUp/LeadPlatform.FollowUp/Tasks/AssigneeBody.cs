namespace LeadPlatform.FollowUp.Tasks;

/// <summary><c>PUT /api/v1/tasks/{taskId}/assignee</c>: the coordinator's email (a configured roster id works too); null or empty: nobody.</summary>
public sealed record AssigneeBody(string? Coordinator);
