namespace LeadPlatform.FollowUp.Reviews;

/// <summary>Where a held message stands.</summary>
public static class ReviewStatus
{
    /// <summary>Held: waiting for a compliance officer (also after an approval the gate refused only for timing).</summary>
    public const string Pending = "pending";
    /// <summary>Approved and handed to the outreach road (the lead's outreach record says whether the channel took it).</summary>
    public const string Approved = "approved";
    /// <summary>Rejected with a reason: back to the coordinator, nothing sent.</summary>
    public const string Rejected = "rejected";
    /// <summary>Approved, but the gate blocked it at that moment for a reason that will not pass by itself (an opt-out, consent): not sent.</summary>
    public const string Blocked = "blocked";
}
