namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// One open task in the coordinators' queue (with the lead's undecided "possible same person" links), and, additively,
/// the assignee's display name, when the lead came in and from where, how they want to be reached, and the last activity.
/// </summary>
public sealed record TaskQueueItem(
    Guid TaskId,
    Guid LeadId,
    string? Name,
    string? Condition,
    string Tier,
    DateTimeOffset DueAt,
    bool Overdue,
    string? AssignedTo,
    int PossibleSamePeople = 0)
{
    public string? AssignedToName { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public string? Source { get; init; }
    public string? PreferredChannel { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
    public int OtherOpenTasks { get; init; }
    public DateTimeOffset? ReofferedAt { get; init; }
    /// <summary>Per channel (phone, sms, email): may the lead be contacted now, and the reasons in words when not (paged shape only).</summary>
    public IReadOnlyList<Calls.ChannelContactability>? Contactability { get; init; }

    internal static TaskQueueItem From(Dashboard.QueueRow r) =>
        new(r.TaskId, r.LeadId, r.Name, r.Condition, r.Tier, r.DueAt, r.Overdue, r.AssignedTo, r.PossibleSamePeople)
        {
            AssignedToName = r.AssignedName, Status = r.Status, ReceivedAt = r.ReceivedAt, Source = r.Source, PreferredChannel = r.PreferredChannel,
            Language = r.Language, LastActivityAt = r.LastActivityAt, OtherOpenTasks = r.OtherOpenTasks, ReofferedAt = r.ReofferedAt,
            Contactability = r.Contact.Count > 0 ? r.Contact : null,
        };
}
