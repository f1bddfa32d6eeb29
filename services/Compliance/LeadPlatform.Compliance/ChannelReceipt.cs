namespace LeadPlatform.Compliance;

/// <summary>What a channel reports after accepting a cleared outreach.</summary>
public sealed record ChannelReceipt
{
    public required Guid OutreachId { get; init; }
    public required OutreachChannel Channel { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    /// <summary>The provider's id for the message (email relay id, SMS sid, call log id), when there is one.</summary>
    public string? ProviderMessageId { get; init; }
}
