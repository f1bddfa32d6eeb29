namespace LeadPlatform.FollowUp.Sms;

/// <summary>What an inbound SMS did: whether it was an opt-out, how many leads have that number, how many were opted out now.</summary>
public sealed record SmsInboundResult(bool OptOut, int Leads, int OptedOut)
{
    /// <summary>True when this provider message was handled before: nothing was done again.</summary>
    public bool Duplicate { get; init; }
    /// <summary>True when the reply was ambiguous ("stop, I'm driving, call later"): flagged on the timeline for a coordinator, not an opt-out.</summary>
    public bool Flagged { get; init; }
}
