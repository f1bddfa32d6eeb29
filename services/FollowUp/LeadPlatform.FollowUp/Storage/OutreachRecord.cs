namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// One outreach the compliance gate cleared, as the lead's record of it: written with status <c>sending</c> before any
/// channel sees it, then <c>sent</c> (or <c>failed</c>). The message is kept as sent, disclaimers included, so its hash
/// can be recomputed and matched against the evidence record that cleared it.
/// </summary>
public sealed class OutreachRecord
{
    /// <summary>Encrypted at rest (the address, and the text that greets the lead by name); the hashes stay in clear.</summary>
    internal const string SealedPurpose = "outreach";
    internal static readonly string[] SealedFields = [nameof(Recipient), nameof(Subject), nameof(Message)];

    /// <summary>The OutreachId the gate issued; the channel is idempotent by it.</summary>
    public Guid Id { get; set; }
    /// <summary><c>coordinator</c> or <c>acknowledgement</c>.</summary>
    public string Kind { get; set; } = OutreachKinds.Coordinator;
    /// <summary>Idempotency key of automatic outreach, for example <c>acknowledgement:{taskId}</c>; null for a coordinator's.</summary>
    public string? Key { get; set; }
    /// <summary><c>email</c>, <c>sms</c> or <c>phone</c>.</summary>
    public string Channel { get; set; } = string.Empty;
    /// <summary>See <see cref="OutreachStatus"/>.</summary>
    public OutreachStatus Status { get; set; } = OutreachStatus.Sending;
    public string Author { get; set; } = string.Empty;
    /// <summary>The consented address or number it went to. Personal data: never log it.</summary>
    public string Recipient { get; set; } = string.Empty;
    public string? Subject { get; set; }
    /// <summary>The text as sent, disclaimers included (for a call: the script).</summary>
    public string Message { get; set; } = string.Empty;
    /// <summary>SHA-256 (hex) of <see cref="Message"/>, as in the evidence record.</summary>
    public string MessageHash { get; set; } = string.Empty;
    /// <summary><c>id@version</c> of each disclaimer attached.</summary>
    public List<string> DisclaimerVersions { get; set; } = [];
    /// <summary>The evidence record of the gate decision that cleared it.</summary>
    public Guid EvidenceId { get; set; }
    /// <summary>
    /// The unsubscribe and disclaimer links the gate put into <see cref="Message"/> (each issued with a fresh nonce): a
    /// delivery interrupted by a crash is cleared again with the same links, so the same text comes out (same hash, same
    /// evidence record) unless the template or a disclaimer really changed.
    /// </summary>
    public string? UnsubscribeUrl { get; set; }
    public string? DisclaimerUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Until when the clearance holds (quiet hours and caps were judged at <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset ValidUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? Failure { get; set; }
    /// <summary>Calls: when the coordinator confirmed having read the disclaimer aloud, and who.</summary>
    public DateTimeOffset? ReadConfirmedAt { get; set; }
    public string? ReadConfirmedBy { get; set; }
    /// <summary>Sent after review: the review and the compliance officer who approved it.</summary>
    public Guid? ReviewId { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>The lead it came from when a merge brought it here (null for the lead's own): an unmerge takes it back.</summary>
    public Guid? FromLeadId { get; set; }
}
