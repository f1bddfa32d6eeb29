namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// One lead in the queue, by its most urgent open task, with what a coordinator needs to pick it: who has it (by name),
/// when it came in and from where, how the person wants to be reached, the last activity, how many undecided "possible
/// same person" links the lead has and how many submissions.
/// </summary>
public sealed record QueueRow(
    Guid LeadId, Guid TaskId, string Name, string? Condition, string Tier, string Status, DateTimeOffset DueAt, bool Overdue, string? AssignedTo, IReadOnlyList<string> Flags,
    int PossibleSamePeople = 0, int Submissions = 1)
{
    /// <summary>The assignee's display name (the id only when the roster does not know them any more).</summary>
    public string? AssignedName { get; init; }
    public bool AssignedToMe { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The campaign, else the source, else the form of the latest submission.</summary>
    public string? Source { get; init; }
    public string? PreferredChannel { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset LastActivityAt { get; init; }
    /// <summary>More open tasks of the same lead (one row per lead: the most urgent is shown).</summary>
    public int OtherOpenTasks { get; init; }
    /// <summary>A tier-A task nobody opened in time, re-offered (from whom).</summary>
    public DateTimeOffset? ReofferedAt { get; init; }
    public string? ReofferedFromName { get; init; }
    /// <summary>The lead's candidate time zones (for "14:05 here · 11:05 for the lead").</summary>
    public IReadOnlyList<TimeZoneInfo> LeadZones { get; init; } = [];
    /// <summary>Per channel, whether the lead may be contacted now and why not (filled for the rows of the page shown).</summary>
    public IReadOnlyList<Calls.ChannelContactability> Contact { get; init; } = [];
    /// <summary>The lead the row was read from (not shown; for the page's contactability).</summary>
    internal Storage.LeadDocument? Lead { get; init; }
}
