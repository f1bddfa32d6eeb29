namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// One open task in the queue, with what a coordinator needs to pick it (how many undecided "possible same person" links
/// the lead has, and how many submissions).
/// </summary>
public sealed record QueueRow(
    Guid LeadId, Guid TaskId, string Name, string? Condition, string Tier, string Status, DateTimeOffset DueAt, bool Overdue, string? AssignedTo, IReadOnlyList<string> Flags,
    int PossibleSamePeople = 0, int Submissions = 1);
