using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>The stored names of <see cref="FollowUpTaskStatus"/>: <c>open</c>, <c>done</c>, <c>cancelled</c> (as documents have always held them).</summary>
public static class FollowUpTaskStatuses
{
    public static NameMap<FollowUpTaskStatus> Map { get; } = NameMap<FollowUpTaskStatus>.Stored("task status", new Dictionary<FollowUpTaskStatus, string>
    {
        [FollowUpTaskStatus.Open] = "open",
        [FollowUpTaskStatus.Done] = "done",
        [FollowUpTaskStatus.Cancelled] = "cancelled",
    });
}
