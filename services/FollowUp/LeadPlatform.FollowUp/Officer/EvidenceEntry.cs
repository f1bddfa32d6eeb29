namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// One evidence record as the compliance officer reads it: the gate's decision with its rule, disclaimer and consent
/// versions, the reviewer, and the record's place in its lead's hash chain (and whether the chain holds up to it).
/// </summary>
public sealed record EvidenceEntry(
    DateTimeOffset At,
    string LeadReference,
    Guid LeadId,
    Guid EvidenceId,
    long Sequence,
    string Channel,
    string Decision,
    string Author,
    string RuleSetVersion,
    IReadOnlyList<string> FailedRules,
    IReadOnlyList<string> DisclaimerVersions,
    string? ConsentVersion,
    string ConsentHash,
    string? Reviewer,
    Guid? OutreachId,
    string MessageHash,
    string? Hash,
    string? PreviousHash,
    bool ChainIntact);
