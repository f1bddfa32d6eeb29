namespace LeadPlatform.FollowUp.Email;

/// <summary>What an email webhook call did: how many leads have that address, and how many were changed (a reply recorded, an address suppressed).</summary>
public sealed record EmailWebhookResult(int Leads, int Changed)
{
    /// <summary>True when this provider message or event was handled before: nothing was done again.</summary>
    public bool Duplicate { get; init; }
    /// <summary>True when the address is now suppressed (hard bounce or complaint).</summary>
    public bool Suppressed { get; init; }
}
