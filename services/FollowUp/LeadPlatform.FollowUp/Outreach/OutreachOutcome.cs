using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>How a send ended: the gate's decision, the evidence recorded, and the outreach as stored.</summary>
internal sealed record OutreachOutcome(
    OutreachOutcomeKind Kind,
    ComplianceDecision? Decision = null,
    EvidenceRecord? Evidence = null,
    OutreachRecord? Record = null,
    ClearedOutreach? Cleared = null,
    string? Problem = null,
    Guid? ReviewId = null);
