using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>What someone (a coordinator, or the acknowledgement) wants sent to a lead, before the gate.</summary>
internal sealed record OutreachRequest
{
    public required OutreachChannel Channel { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public required string Author { get; init; }
    /// <summary>Language of the message; null: the lead's.</summary>
    public string? Language { get; init; }
    public string Kind { get; init; } = OutreachKinds.Coordinator;
    /// <summary>Idempotency key of automatic outreach: a second request with the same key sends nothing.</summary>
    public string? Key { get; init; }
    public Guid? ConversationId { get; init; }
    /// <summary>
    /// The broker redelivered the message that asked for this outreach: its first handler died. An outreach with the same
    /// key still recorded as <c>sending</c> was interrupted, and is delivered again under its own OutreachId.
    /// </summary>
    public bool ResumeInterrupted { get; init; }
    /// <summary>Sending a held message a reviewer approved: the gate accepts its review findings and names the reviewer.</summary>
    public ReviewApproval? Approval { get; init; }
    /// <summary>The OutreachId the message carries if cleared (a held message keeps its review's id); a second send with it sends nothing.</summary>
    public Guid? OutreachId { get; init; }
    /// <summary>Pre-approved text (an approved template version, placeholders filled in) the claims screen need not screen again.</summary>
    public IReadOnlyList<ApprovedContent> ApprovedContent { get; init; } = [];
}
