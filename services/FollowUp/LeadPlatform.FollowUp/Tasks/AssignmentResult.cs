namespace LeadPlatform.FollowUp.Tasks;

/// <summary>The outcome of an assignment by hand, with the lead, the new assignee (null: unassigned) and what went wrong in words.</summary>
public sealed record AssignmentResult(AssignmentOutcome Outcome, Guid? LeadId = null, Coordinator? Assignee = null, string? Problem = null);
