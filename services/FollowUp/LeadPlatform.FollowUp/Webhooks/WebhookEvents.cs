namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>The events a subscriber may receive.</summary>
public static class WebhookEvents
{
    public const string LeadQualified = "lead.qualified";
    public const string ConsultationBooked = "lead.consultation_booked";
    public const string OutreachSent = "outreach.sent";
    public const string LeadOptedOut = "lead.opted_out";
    public const string LeadErased = "lead.erased";

    /// <summary>Sent only by an admin's "send test event" to one subscription (not subscribable).</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All = [LeadQualified, ConsultationBooked, OutreachSent, LeadOptedOut, LeadErased];
}
