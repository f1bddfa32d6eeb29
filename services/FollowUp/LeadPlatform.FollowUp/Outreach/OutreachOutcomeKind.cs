namespace LeadPlatform.FollowUp.Outreach;

internal enum OutreachOutcomeKind
{
    LeadNotFound,
    /// <summary>An outreach with the same idempotency key was already sent, blocked or skipped: nothing new.</summary>
    AlreadyHandled,
    Blocked,
    Sent,
    /// <summary>A call script was issued: the coordinator reads it and confirms.</summary>
    ScriptIssued,
    /// <summary>Cleared, but the channel refused it or kept failing.</summary>
    Failed,
}
