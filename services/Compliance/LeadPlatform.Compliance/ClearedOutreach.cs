namespace LeadPlatform.Compliance;

/// <summary>
/// An outreach the gate has cleared: the only thing a channel accepts. Only <see cref="ComplianceGate.Check"/>
/// can make one (internal constructor, no setters), so holding one proves the gate said yes to exactly this text.
/// A channel must refuse it after <see cref="ValidUntil"/> (quiet hours and caps were judged at <see cref="ClearedAt"/>).
/// </summary>
public sealed class ClearedOutreach
{
    internal ClearedOutreach(
        Guid outreachId,
        Guid evidenceId,
        Guid leadId,
        OutreachChannel channel,
        string recipient,
        string author,
        string? subject,
        string message,
        string messageHash,
        IReadOnlyList<AttachedDisclaimer> disclaimers,
        DateTimeOffset clearedAt,
        DateTimeOffset validUntil)
    {
        OutreachId = outreachId;
        EvidenceId = evidenceId;
        LeadId = leadId;
        Channel = channel;
        Recipient = recipient;
        Author = author;
        Subject = subject;
        Message = message;
        MessageHash = messageHash;
        Disclaimers = disclaimers;
        ClearedAt = clearedAt;
        ValidUntil = validUntil;
    }

    public Guid OutreachId { get; }
    /// <summary>The evidence record that cleared it.</summary>
    public Guid EvidenceId { get; }
    public Guid LeadId { get; }
    public OutreachChannel Channel { get; }
    public string Recipient { get; }
    public string Author { get; }
    /// <summary>Email only.</summary>
    public string? Subject { get; }
    /// <summary>The text to send, disclaimers included (for a call: the script to read).</summary>
    public string Message { get; }
    /// <summary>SHA-256 (lower-case hex) of <see cref="Message"/> as UTF-8.</summary>
    public string MessageHash { get; }
    public IReadOnlyList<AttachedDisclaimer> Disclaimers { get; }
    public DateTimeOffset ClearedAt { get; }
    public DateTimeOffset ValidUntil { get; }
    /// <summary>Email: the one-click unsubscribe link of this outreach, as issued for it and put into <see cref="Message"/> (the List-Unsubscribe header is this link, never text found in the body).</summary>
    public string? UnsubscribeUrl { get; internal init; }
    /// <summary>True for calls: the coordinator must confirm having read the disclaimer script aloud.</summary>
    public bool RequiresReadAloudConfirmation => Disclaimers.Any(d => d.RequiresReadAloudConfirmation);

    public bool IsValidAt(DateTimeOffset now) => now >= ClearedAt && now < ValidUntil;
}
