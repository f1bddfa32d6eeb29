namespace LeadPlatform.FollowUp.Api;

/// <summary>An inbound SMS as the provider's webhook posts it.</summary>
public sealed class SmsInboundBody
{
    /// <summary>The sender's number, E.164.</summary>
    public string? From { get; set; }
    public string? Text { get; set; }
}
