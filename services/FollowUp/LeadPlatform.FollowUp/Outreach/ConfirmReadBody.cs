namespace LeadPlatform.FollowUp.Outreach;

/// <summary>The coordinator who read the call script's disclaimer aloud.</summary>
public sealed class ConfirmReadBody
{
    public string? Coordinator { get; set; }
}
