namespace LeadPlatform.FollowUp.Outreach;

internal enum OutreachOutcomeKind
{
    LeadNotFound,
    /// <summary>An outreach with the same idempotency key was already sent, blocked or skipped: nothing new.</summary>
    AlreadyHandled,
    Blocked,
    /// <summary>Every finding only asks for a person's review: held in the review queue, nothing sent.</summary>
    HeldForReview,
    Sent,
    /// <summary>A call script was issued: the coordinator reads it and confirms.</summary>
    ScriptIssued,
    /// <summary>Cleared, but the channel refused it or kept failing.</summary>
    Failed,
}
