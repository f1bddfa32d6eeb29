using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>The chain check: intact, or the index of the first record that was altered, removed or reordered, and why.</summary>
public sealed record EvidenceVerificationView(bool IsIntact, int RecordCount, int? FirstBrokenIndex, string? Problem)
{
    public static EvidenceVerificationView From(EvidenceChainVerification v) => new(v.IsIntact, v.RecordCount, v.FirstBrokenIndex, v.Problem);
}
