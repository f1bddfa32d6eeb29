namespace LeadPlatform.Compliance;

/// <summary>An outreach as written (by a coordinator or an automatic acknowledgement), before the gate.</summary>
public sealed record OutreachDraft
{
    /// <summary>The <see cref="Author"/> of the automatic acknowledgement (a coordinator's author is never this).</summary>
    public const string AcknowledgementAuthor = "system:acknowledgement";

    /// <summary>
    /// The <see cref="Author"/> of the one-time text confirming an SMS opt-out (<see cref="OptOutConfirmation"/>): the gate
    /// clears only the fixed confirmation text, by SMS, to the number that opted out, and only while the opt-out is on record.
    /// </summary>
    public const string OptOutConfirmationAuthor = "system:opt-out-confirmation";

    public required Guid LeadId { get; init; }
    public required OutreachChannel Channel { get; init; }
    /// <summary>The lead's condition, for example <c>spondylolysis</c>; chooses the evidence disclaimer.</summary>
    public required string Condition { get; init; }
    /// <summary>BCP 47 language tag of the message, for example <c>en</c>.</summary>
    public required string Language { get; init; }
    /// <summary>Email subject; ignored (but still screened) for SMS and calls.</summary>
    public string? Subject { get; init; }
    public required string Body { get; init; }
    /// <summary>Who wrote it: a coordinator id, or <c>system:acknowledgement</c>.</summary>
    public required string Author { get; init; }
    /// <summary>Email address for email; E.164 phone number for SMS and calls.</summary>
    public required string Recipient { get; init; }
    /// <summary>
    /// Set when delivering again an outreach this gate cleared before whose delivery was interrupted (the process died
    /// between recording it and the channel's answer): if the gate clears it again, it keeps this OutreachId, so a
    /// channel that is idempotent by it (the outbox file, the SMS provider's idempotency key, the email's Message-Id)
    /// does not make it a second message. The gate still decides afresh: an opt-out meanwhile blocks it.
    /// </summary>
    public Guid? ResumesOutreachId { get; init; }
    /// <summary>
    /// With <see cref="ResumesOutreachId"/>: the evidence record that cleared the interrupted delivery. The gate names its
    /// decision by it, so that when the same text is cleared again the caller keeps the one record it stored already
    /// (one evidence record per message) and the channel carries that record's id; a caller whose text differs checks
    /// again without it and stores the new record.
    /// </summary>
    public Guid? ResumesEvidenceId { get; init; }
    /// <summary>
    /// Set when sending a message a compliance officer approved after review: the claim findings that only asked for
    /// review are accepted (the reviewer is named in the evidence). Every other rule is checked afresh.
    /// </summary>
    public ReviewApproval? Approval { get; init; }
    /// <summary>Pre-approved text (a template version, placeholders filled in) that the claims screen need not screen again.</summary>
    public IReadOnlyList<ApprovedContent> ApprovedContent { get; init; } = [];
}
