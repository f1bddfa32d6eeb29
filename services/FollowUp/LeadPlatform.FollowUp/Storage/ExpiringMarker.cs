using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// "This happened at": the last automatic message to a recipient (by keyed hash), or an inbound webhook already
/// handled. Its id is derived from what it marks, so two replicas claiming the same thing meet on the same document.
/// </summary>
public sealed class ExpiringMarker : StoredDocument
{
    public string Kind { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    /// <summary>Who claimed it (an idempotency key): the same owner may claim it again, e.g. on redelivery.</summary>
    public string? Owner { get; set; }
}
