namespace LeadPlatform.FollowUp.Api;

/// <summary>One open task in the coordinators' queue (with the lead's undecided "possible same person" links).</summary>
public sealed record TaskQueueItem(
    Guid TaskId,
    Guid LeadId,
    string? Name,
    string? Condition,
    string Tier,
    DateTimeOffset DueAt,
    bool Overdue,
    string? AssignedTo,
    int PossibleSamePeople = 0);
