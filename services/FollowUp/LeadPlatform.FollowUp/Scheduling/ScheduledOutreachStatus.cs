namespace LeadPlatform.FollowUp.Scheduling;

public static class ScheduledOutreachStatus
{
    /// <summary>Waiting for its moment (possibly claimed by a replica right now).</summary>
    public const string Scheduled = "scheduled";
    /// <summary>Handed to the gate and the channel at its moment, and sent (or the call script issued, or held for review).</summary>
    public const string Sent = "sent";
    /// <summary>At its moment the gate no longer cleared it (opt-out, consent, eligibility, claims): nothing sent.</summary>
    public const string NotSent = "not_sent";
    public const string Cancelled = "cancelled";
}
