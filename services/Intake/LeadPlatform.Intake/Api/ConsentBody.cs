namespace LeadPlatform.Intake.Api;

/// <summary>Consent per channel, as the form showed it.</summary>
public sealed class ConsentBody
{
    public ChannelConsentBody? Email { get; set; }
    public ChannelConsentBody? Sms { get; set; }
    public ChannelConsentBody? Phone { get; set; }
}
