using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>A clinic system that receives events: where, which events, whether with health details, and the secret that signs them.</summary>
public sealed class WebhookSubscription : StoredDocument
{
    public string Url { get; set; } = string.Empty;
    public List<string> Events { get; set; } = [];
    /// <summary>Whether payloads carry the lead's condition and tier (off unless an admin turns it on).</summary>
    public bool IncludeHealthDetails { get; set; }
    public WebhookSecret Secret { get; set; } = new();
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    /// <summary>When an admin deleted it: it receives nothing more; its delivery log stays.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>When an admin disabled it: no new deliveries are stored for it, pending ones wait (nothing is sent) until enabled again.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledBy { get; set; }
    public string? DeletedBy { get; set; }
}
