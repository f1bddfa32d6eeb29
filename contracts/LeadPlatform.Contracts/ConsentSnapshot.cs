namespace LeadPlatform.Contracts;

/// <summary>The consent the person gave, per channel, as intake recorded it.</summary>
public sealed record ConsentSnapshot
{
    public required ChannelConsent Email { get; init; }
    public required ChannelConsent Sms { get; init; }
    public required ChannelConsent Phone { get; init; }
}
