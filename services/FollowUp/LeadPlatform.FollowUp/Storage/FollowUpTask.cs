namespace LeadPlatform.FollowUp.Storage;

/// <summary>A coordinator's task to contact a qualified lead by a due time.</summary>
public sealed class FollowUpTask
{
    public Guid Id { get; set; }
    public Guid QuoteRequestId { get; set; }
    public string Tier { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? AssignedTo { get; set; }
    /// <summary>null for the follow-up of a submission; <c>callback</c> for a call back a coordinator scheduled.</summary>
    public string? Kind { get; set; }
    /// <summary>When it was last assigned (round-robin, backlog hand-out, re-offer or by hand): what the dashboard's new-lead alert looks for.</summary>
    public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>A tier-A task nobody opened in time was re-offered to the next coordinator on duty (once), from <see cref="ReofferedFrom"/>.</summary>
    public DateTimeOffset? ReofferedAt { get; set; }
    public string? ReofferedFrom { get; set; }
    public FollowUpTaskStatus Status { get; set; } = FollowUpTaskStatus.Open;
    /// <summary>When it was found past its due time and escalated (once), or null.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The lead it came from when a merge brought it here (null for the lead's own): an unmerge takes it back.</summary>
    public Guid? FromLeadId { get; set; }
    /// <summary>It was open and the merge cancelled it (one open task per lead): an unmerge reopens it.</summary>
    public bool CancelledByMerge { get; set; }
}
