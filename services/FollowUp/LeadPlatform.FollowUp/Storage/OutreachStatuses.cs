using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The stored names of <see cref="OutreachStatus"/>: <c>sending</c>, <c>sent</c>, <c>awaiting_read_confirmation</c>,
/// <c>failed</c> (as documents, the API's JSON and the pages have always had them).
/// </summary>
public static class OutreachStatuses
{
    public static NameMap<OutreachStatus> Map { get; } = NameMap<OutreachStatus>.Stored("outreach status", new Dictionary<OutreachStatus, string>
    {
        [OutreachStatus.Sending] = "sending",
        [OutreachStatus.Sent] = "sent",
        [OutreachStatus.AwaitingReadConfirmation] = "awaiting_read_confirmation",
        [OutreachStatus.Failed] = "failed",
    });

    /// <summary>The stored name, for the API's JSON and the pages.</summary>
    public static string Name(this OutreachStatus status) => Map.NameOf(status);
}
