namespace LeadPlatform.Contracts;

/// <summary>The consent the person gave, per channel, as intake recorded it.</summary>
public sealed record ConsentSnapshot
{
    public required ChannelConsent Email { get; init; }
    public required ChannelConsent Sms { get; init; }
    public required ChannelConsent Phone { get; init; }

    /// <summary>
    /// The separate consent to collect consumer health data, recorded like the channels' (exact text, version, time; the
    /// client address, user agent and page URL are the submission's source). Required where the lead's state requires
    /// it (Washington, Nevada, Connecticut); null when the form did not ask for it. Added later: older events lack it.
    /// </summary>
    public ChannelConsent? HealthData { get; init; }
}
