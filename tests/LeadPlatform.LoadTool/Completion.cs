namespace LeadPlatform.LoadTool;

/// <summary>A submitted request with, when known, intake's receivedAt and its follow-up task's createdAt.</summary>
internal sealed record Completion(Submission Submission, DateTimeOffset? ReceivedAt, DateTimeOffset? TaskCreatedAt)
{
    public bool Done => ReceivedAt is not null && TaskCreatedAt is not null;
    /// <summary>Speed to lead by the services' clocks: received by intake → task created by follow-up.</summary>
    public double? SpeedToLeadMs => Done ? (TaskCreatedAt!.Value - ReceivedAt!.Value).TotalMilliseconds : null;
}
