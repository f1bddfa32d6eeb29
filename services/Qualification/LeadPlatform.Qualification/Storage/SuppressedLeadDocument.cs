using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>A lead that asked not to be contacted at all (its id is the lead id): qualification publishes nothing more for it.</summary>
public sealed class SuppressedLeadDocument : StoredDocument
{
    public DateTimeOffset Since { get; set; }
    /// <summary>How it came: unsubscribe_link, sms_reply, coordinator.</summary>
    public string Source { get; set; } = string.Empty;
}
