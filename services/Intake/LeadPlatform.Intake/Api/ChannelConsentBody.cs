namespace LeadPlatform.Intake.Api;

/// <summary>One channel's consent: granted or not, and the exact text and version the person saw.</summary>
public sealed class ChannelConsentBody
{
    public bool? Granted { get; set; }
    public string? Text { get; set; }
    public string? TextVersion { get; set; }
}
