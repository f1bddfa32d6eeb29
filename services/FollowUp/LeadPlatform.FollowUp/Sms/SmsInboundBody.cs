namespace LeadPlatform.FollowUp.Sms;

/// <summary>An inbound SMS as the provider's webhook posts it.</summary>
public sealed class SmsInboundBody
{
    /// <summary>The sender's number, E.164.</summary>
    public string? From { get; set; }
    public string? Text { get; set; }
    /// <summary>The provider's id of the message (or <c>X-Message-Id</c>): a message with a known id is handled once.</summary>
    public string? MessageId { get; set; }
}
