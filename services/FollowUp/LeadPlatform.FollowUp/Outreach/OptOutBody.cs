namespace LeadPlatform.FollowUp.Outreach;

/// <summary>A coordinator recording that the lead asked not to be contacted on a channel (email, sms, phone) or at all (all).</summary>
public sealed class OptOutBody
{
    public string? Channel { get; set; }
    public string? Coordinator { get; set; }
}
