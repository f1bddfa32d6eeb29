namespace LeadPlatform.Intake.Api;

/// <summary>Consent per channel, as the form showed it, and the separate consent to collect health data.</summary>
public sealed class ConsentBody
{
    public ChannelConsentBody? Email { get; set; }
    public ChannelConsentBody? Sms { get; set; }
    public ChannelConsentBody? Phone { get; set; }

    /// <summary>
    /// Consent to collect consumer health data: required for a lead whose postal code is in Washington, Nevada or
    /// Connecticut (<c>consent.healthData.granted/text/textVersion</c>); recorded whenever it is given.
    /// </summary>
    public ChannelConsentBody? HealthData { get; set; }
}
