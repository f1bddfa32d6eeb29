using LeadPlatform.Contracts;
using LeadPlatform.Storage;

namespace LeadPlatform.Intake.Storage;

/// <summary>
/// One accepted quote request: the submission as it was accepted (consent record included), its status, and the
/// keyed hashes by which a later request of the same person is linked to the same lead.
/// </summary>
public sealed class QuoteRequestDocument : StoredDocument
{
    private string? _dedupeKey;

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
    /// <summary>
    /// HMAC of email, name and date of birth (normalised, see <see cref="PersonKeys.IdentityOf"/>): a later request with the
    /// same identity key is the same person and joins this lead; one that shares only the email or phone key does not.
    /// </summary>
    public string? IdentityKey { get; set; }

    /// <summary>
    /// Unique across the collection (a unique index), and never null, so the database itself refuses a second copy of one
    /// submission, however many arrive at once:
    /// <list type="bullet">
    /// <item><c>idempotency:{site}:{sha256(key)}</c> for a request with an <c>Idempotency-Key</c> (kept for good);</item>
    /// <item><c>content:{site}:{hmac(person, inquiry, consent)}</c> for one without, until the dedupe window has passed and a
    /// later equal request retires it to <c>retired:{id}</c>;</item>
    /// <item><c>request:{id}</c> otherwise (spam, and documents written before the key existed).</item>
    /// </list>
    /// </summary>
    public string DedupeKey
    {
        get => _dedupeKey ?? $"request:{Id:N}";
        set => _dedupeKey = value;
    }

    /// <summary>HMAC of everything the client sent: an <c>Idempotency-Key</c> replayed with another body is refused (422).</summary>
    public string? BodyFingerprint { get; set; }

    /// <summary>Why the request was taken for spam (honeypot, too_fast), or null. Spam is stored, never published.</summary>
    public string? SpamReason { get; set; }

    public QuoteRequestSubmitted Submission { get; set; } = null!;

    /// <summary>When the person's data was erased on request (the submission then holds no personal data), or null.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public Guid? ErasureId { get; set; }
    /// <summary>
    /// After an erasure, the proof of consent without the person: the keyed hash (HMAC, intake's person-key secret) of
    /// the email address that consented to email, or null. Not used to link later requests (that is <see cref="EmailKey"/>,
    /// cleared by the erasure): it answers only "did this address consent?" for an address someone brings.
    /// </summary>
    public string? ConsentedEmailKey { get; set; }
    /// <summary>As <see cref="ConsentedEmailKey"/>, for the number that consented to texts or calls.</summary>
    public string? ConsentedPhoneKey { get; set; }

    /// <summary>The services that confirmed the erasure (<c>LeadDataErased</c>), as they reported it.</summary>
    public List<string> ErasureConfirmedBy { get; set; } = [];
}
