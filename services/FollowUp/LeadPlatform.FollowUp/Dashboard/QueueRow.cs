namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>One open task in the queue, with what a coordinator needs to pick it.</summary>
public sealed record QueueRow(
    Guid LeadId, Guid TaskId, string Name, string? Condition, string Tier, string Status, DateTimeOffset DueAt, bool Overdue, string? AssignedTo, IReadOnlyList<string> Flags);
