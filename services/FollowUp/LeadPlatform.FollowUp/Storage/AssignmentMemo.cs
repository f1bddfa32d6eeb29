namespace LeadPlatform.FollowUp.Storage;

/// <summary>One assignment the round-robin made: the task's key (its quote request) and the coordinator.</summary>
public sealed class AssignmentMemo
{
    public Guid Key { get; set; }
    public string AssigneeId { get; set; } = string.Empty;
}
