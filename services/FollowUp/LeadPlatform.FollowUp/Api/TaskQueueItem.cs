namespace LeadPlatform.FollowUp.Api;

/// <summary>One open task in the coordinators' queue.</summary>
public sealed record TaskQueueItem(
    Guid TaskId,
    Guid LeadId,
    string? Name,
    string? Condition,
    string Tier,
    DateTimeOffset DueAt,
    bool Overdue,
    string? AssignedTo);
