using LeadPlatform.Contracts;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Intake.Storage;

/// <summary>
/// One accepted quote request: the submission as it was accepted (consent record included), its status, and the
/// keyed hashes by which a later request of the same person is linked to the same lead.
/// </summary>
public sealed class QuoteRequestDocument : StoredDocument
{
    public Guid LeadId { get; set; }
    public string SiteId { get; set; } = string.Empty;
    public string Status { get; set; } = QuoteRequestStatus.Received;
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Tier { get; set; }
    /// <summary>HMAC of the normalised email: finds the same person without a readable index of emails.</summary>
    public string? EmailKey { get; set; }
    /// <summary>HMAC of the E.164 phone number.</summary>
    public string? PhoneKey { get; set; }
    public QuoteRequestSubmitted Submission { get; set; } = null!;
}
