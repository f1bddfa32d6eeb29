namespace LeadPlatform.FollowUp.Storage;

/// <summary>The stored names of <see cref="FollowUpTaskStatus"/>: <c>open</c>, <c>done</c>, <c>cancelled</c> (as documents have always held them).</summary>
public static class FollowUpTaskStatuses
{
    public static StoredNames<FollowUpTaskStatus> Map { get; } = new("task status", new Dictionary<FollowUpTaskStatus, string>
    {
        [FollowUpTaskStatus.Open] = "open",
        [FollowUpTaskStatus.Done] = "done",
        [FollowUpTaskStatus.Cancelled] = "cancelled",
    });
}
