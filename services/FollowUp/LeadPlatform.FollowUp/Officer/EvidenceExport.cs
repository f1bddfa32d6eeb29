using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>A lead's evidence ledger, in stored order, and whether its hash chain is intact.</summary>
public sealed record EvidenceExport(Guid LeadId, IReadOnlyList<EvidenceRecord> Records, EvidenceVerificationView Verification);
