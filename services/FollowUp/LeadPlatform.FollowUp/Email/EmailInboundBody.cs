namespace LeadPlatform.FollowUp.Email;

/// <summary>An inbound email as the mail provider's webhook posts it (the parsed message, not the raw MIME).</summary>
public sealed class EmailInboundBody
{
    /// <summary>The sender's address (a bare address, or "Name &lt;address&gt;").</summary>
    public string? From { get; set; }
    public string? Subject { get; set; }
    /// <summary>The plain-text body (the provider's text part).</summary>
    public string? Text { get; set; }
    /// <summary>The provider's id of the message: a second call with the same id does nothing.</summary>
    public string? MessageId { get; set; }
}
