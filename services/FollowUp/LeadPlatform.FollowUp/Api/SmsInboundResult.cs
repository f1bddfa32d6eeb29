namespace LeadPlatform.FollowUp.Api;

/// <summary>What an inbound SMS did: whether it was an opt-out, how many leads have that number, how many were opted out now.</summary>
public sealed record SmsInboundResult(bool OptOut, int Leads, int OptedOut)
{
    /// <summary>True when this provider message was handled before: nothing was done again.</summary>
    public bool Duplicate { get; init; }
}
