namespace LeadPlatform.Contracts;

/// <summary>Consent for one channel: whether it was granted, the exact text shown, its version and when.</summary>
public sealed record ChannelConsent
{
    public required bool Granted { get; init; }
    public string? Text { get; init; }
    public string? TextVersion { get; init; }
    public DateTimeOffset? GrantedAt { get; init; }
}
