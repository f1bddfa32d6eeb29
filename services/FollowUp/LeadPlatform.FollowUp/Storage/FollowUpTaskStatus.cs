namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where a follow-up task stands (stored, and in the API's JSON, as <see cref="FollowUpTaskStatuses"/> names it).</summary>
public enum FollowUpTaskStatus
{
    /// <summary><c>open</c>: someone has to contact the lead by its due time.</summary>
    Open = 0,

    /// <summary><c>done</c>: the lead was contacted, or closed.</summary>
    Done = 1,

    /// <summary><c>cancelled</c>: the lead was erased, or a merge left it with another open task.</summary>
    Cancelled = 2,
}
