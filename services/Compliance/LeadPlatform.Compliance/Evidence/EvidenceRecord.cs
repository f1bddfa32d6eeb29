namespace LeadPlatform.Compliance;

/// <summary>
/// Append-only proof of one gate decision, cleared or blocked. Plain properties so the caller can store it as is.
/// The gate returns it unlinked (<see cref="Sequence"/> 0, no hashes); <see cref="EvidenceChain.Link"/> chains it to
/// the previous record, and <see cref="EvidenceChain.Verify"/> finds the first record that was altered.
/// </summary>
public sealed record EvidenceRecord
{
    public required Guid EvidenceId { get; init; }
    /// <summary>Position in the chain, from 0; set by <see cref="EvidenceChain.Link"/>.</summary>
    public long Sequence { get; init; }
    public required Guid LeadId { get; init; }
    /// <summary><c>email</c>, <c>sms</c> or <c>phone</c>; <c>lead</c> for a decision about the lead itself (a merge or an unmerge).</summary>
    public required string Channel { get; init; }
    /// <summary>Who asked for the outreach (the draft's author).</summary>
    public required string Author { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>
    /// <c>cleared</c>, <c>review</c> (held for a compliance officer) or <c>blocked</c>; for a decision about the lead:
    /// <c>merged</c> (another lead merged into this one), <c>merged_into</c>, <c>unmerged</c>.
    /// </summary>
    public required string Decision { get; init; }
    /// <summary>Who approved it after review, when it was sent on a <see cref="ReviewApproval"/>.</summary>
    public string? Reviewer { get; init; }
    /// <summary>The review the approval decided.</summary>
    public Guid? ReviewId { get; init; }
    /// <summary>Ids of the pre-approved content (<see cref="Compliance.ApprovedContent.Id"/>) the message was made from.</summary>
    public string[] ApprovedContent { get; init; } = [];
    /// <summary>The other lead of a merge or an unmerge.</summary>
    public Guid? RelatedLeadId { get; init; }
    /// <summary>Set when cleared: the id the outreach carries.</summary>
    public Guid? OutreachId { get; init; }
    /// <summary>SHA-256 (hex) of the final message, disclaimers included (of the draft body if none could be attached).</summary>
    public required string MessageHash { get; init; }
    /// <summary>SHA-256 (hex) of the subject, when there is one.</summary>
    public string? SubjectHash { get; init; }
    public required string RuleSetVersion { get; init; }
    /// <summary><c>id@version</c> of each disclaimer attached.</summary>
    public string[] DisclaimerVersions { get; init; } = [];
    /// <summary>SHA-256 (hex) of the consent used (channel consent + consented address or number); <c>none</c> if unknown.</summary>
    public required string ConsentHash { get; init; }
    public EvidenceRuleResult[] RuleResults { get; init; } = [];
    /// <summary>Hash of the previous record (<see cref="EvidenceChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; init; }
    /// <summary>SHA-256 (hex) over this record's content and <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; init; }
}
